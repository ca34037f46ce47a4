// Reports how many SQL statements a request ran, as `extensions.sqlStatements` in the response.
// Off by default: tests turn it on to prove that nested reads are batched (the benchmark reads
// the same count from /metrics, so that it measures the server as production runs it).
import type { Context } from "../../schema/context";
import type { RequestHooks, RequestPlugin } from "./request-plugins";

export function sqlStatementCountPlugin(): RequestPlugin<Context> {
  const hooks: RequestHooks<Context> = {
    willSendResponse({ response, contextValue }) {
      const scope = contextValue.record;
      if (scope && response.body.kind === "single") {
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          sqlStatements: scope.statements,
        };
      }
    },
  };
  return () => hooks;
}
