// Writes what Apollo learns about a GraphQL request (operation name and type, the error codes
// of the response) into the request's record, for the log line and the metrics, and notes which
// request its errors were raised in, for the error formatting (mask-errors.ts).
import { type GraphQLRecord, noteRequestErrors } from "../../observability/request-record";
import type { Context } from "../../schema/context";
import type { RequestPlugin } from "./request-plugins";

export function requestRecordPlugin(): RequestPlugin<Context> {
  return ({ contextValue }) => {
    const record = contextValue.record;
    if (!record) return undefined;
    const graphql: GraphQLRecord = { operationName: null, operationType: null, errorCodes: [] };
    record.graphql = graphql;
    return {
      didResolveOperation({ operationName, operation }) {
        graphql.operationName = operationName;
        graphql.operationType = operation?.operation ?? null;
      },
      didEncounterErrors({ errors }) {
        noteRequestErrors(record, errors);
      },
      willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        graphql.errorCodes = (response.body.singleResult.errors ?? []).map((error) =>
          String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"),
        );
      },
    };
  };
}
