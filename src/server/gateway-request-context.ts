// Apollo Server hands a gateway executor (ours: jit-executor.ts) a request context it builds per
// request, in which `response.http.status` is an accessor pair of an object literal whose
// closure holds Apollo's whole request context: our context and its rows, the result, the
// request. V8 gives each such object a hidden class of its own, kept in the old generation until
// the next full collection, so everything that closure reaches survived every young-generation
// collection and was promoted: more than half of what a q1 request promoted, and the main reason
// the server's memory grew to ~250 MB under load (docs/performance.md, "Memory").
//
// No option or hook changes that, so the builder is wrapped where Apollo's request pipeline
// looks it up (its module's exports, at each call): the original builds the context from a copy
// of Apollo's request context, and the copy is then emptied but for the response's HTTP head,
// which is all the accessors use. Behaviour is unchanged. If a later Apollo moves the builder,
// nothing is wrapped and the server says so at startup (memory, not correctness, is at stake).
import path from "node:path";

type Builder = (requestContext: { response: { http: unknown } }, ...rest: unknown[]) => unknown;

const WRAPPED = Symbol("newsgraph.gatewayContextWrapped");

/** Wraps Apollo's gateway request context builder; false when it is not where it was. */
export function narrowGatewayRequestContexts(): boolean {
  let builderModule: { makeGatewayGraphQLRequestContext?: Builder & { [WRAPPED]?: true } };
  try {
    // Not an exported path of @apollo/server, hence the file path; test/gateway-request-context.test.ts
    // checks that the installed version still has it there.
    const file = path.join(path.dirname(require.resolve("@apollo/server")), "utils", "makeGatewayGraphQLRequestContext.js");
    builderModule = require(file);
  } catch {
    return false;
  }
  const original = builderModule.makeGatewayGraphQLRequestContext;
  if (typeof original !== "function") return false;
  if (original[WRAPPED]) return true;
  const wrapped: Builder & { [WRAPPED]?: true } = (requestContext, ...rest) => {
    const copy: Record<string, unknown> = { ...requestContext };
    const built = original(copy as typeof requestContext, ...rest);
    for (const key of Object.keys(copy)) copy[key] = undefined;
    copy.response = { http: requestContext.response.http };
    return built;
  };
  wrapped[WRAPPED] = true;
  builderModule.makeGatewayGraphQLRequestContext = wrapped;
  return true;
}
