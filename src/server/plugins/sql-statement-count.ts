// Reports how many SQL statements a request ran, as `extensions.sqlStatements` in the response.
// Off by default: tests and the benchmark turn it on to prove that nested reads are batched.
import { currentStatementScope } from "../../observability/statement-counter";
import type { RequestHooks, RequestPlugin } from "./request-plugins";

export function sqlStatementCountPlugin(): RequestPlugin {
  const hooks: RequestHooks = {
    willSendResponse({ response }) {
      const scope = currentStatementScope();
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
