// Spans for the GraphQL stages of a traced request: parse and validate (only when Apollo had
// not cached the document: a cached one skips both), and the execution, whose SQL statements
// become its children (observability/request-trace.ts). Added to Apollo only when tracing is on.
// A plugin of its own, not one of runRequestPlugins': those hooks have no stage that starts and ends.
import type { ApolloServerPlugin } from "@apollo/server";
import { endSpan } from "../../observability/request-trace";
import type { Context } from "../../schema/context";

export function tracingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const requestTrace = contextValue.record?.tracer;
      if (!requestTrace) return undefined;
      return {
        async parsingDidStart() {
          const span = requestTrace.stage("graphql.parse");
          return async (error) => endSpan(span, error);
        },
        async validationDidStart() {
          const span = requestTrace.stage("graphql.validate");
          return async (errors) => endSpan(span, errors?.[0]);
        },
        async didResolveOperation({ operation, operationName }) {
          requestTrace.operation(operation?.operation ?? "unknown", operationName);
        },
        async executionDidStart({ operation, operationName }) {
          const execution = requestTrace.execution(operation?.operation ?? "unknown", operationName);
          return { async executionDidEnd(error) { execution.end(error); } };
        },
      };
    },
  };
}
