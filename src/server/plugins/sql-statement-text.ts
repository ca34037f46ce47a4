// Reports the SQL text of each statement a request ran, as `extensions.sqlStatementTexts` in the
// response, in the order they started. For tests that commit the SQL each operation sends
// (test/sql-plans.test.ts). A server option only, off by default and read from no environment
// variable: the texts show the schema's tables to any client.
import type { Context } from "../../schema/context";
import type { RequestHooks, RequestPlugin } from "./request-plugins";

export function sqlStatementTextPlugin(): RequestPlugin<Context> {
  const hooks: RequestHooks<Context> = {
    willSendResponse({ response, contextValue }) {
      const texts = contextValue.record?.statementTexts;
      if (texts && response.body.kind === "single") {
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatementTexts: [...texts] };
      }
    },
  };
  return ({ contextValue }) => {
    // Recording starts with the request's operation: a GraphQL request runs no SQL before it.
    const scope = contextValue.record;
    if (scope) scope.statementTexts = [];
    return hooks;
  };
}
