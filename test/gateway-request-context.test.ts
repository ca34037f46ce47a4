// The wrapper of Apollo's gateway request context builder (src/server/gateway-request-context.ts):
// it must find the builder in the installed @apollo/server (an upgrade that moves it would
// silently bring back the promotion of every request's objects) and change nothing the
// executor sees.
import path from "node:path";
import { HeaderMap } from "@apollo/server";
import { narrowGatewayRequestContexts } from "../src/server/gateway-request-context";

type Builder = (requestContext: object, server: object, internals: object) => Record<string, any>;

test("Apollo's gateway request context builder is found, wrapped once, and builds the same context", () => {
  expect(narrowGatewayRequestContexts()).toBe(true);
  expect(narrowGatewayRequestContexts()).toBe(true);
  const file = path.join(path.dirname(require.resolve("@apollo/server")), "utils", "makeGatewayGraphQLRequestContext.js");
  const build = (require(file) as { makeGatewayGraphQLRequestContext: Builder }).makeGatewayGraphQLRequestContext;

  const responseHttp = { headers: new HeaderMap([["x-a", "1"]]), status: undefined as number | undefined };
  const contextValue = { loaders: "ours" };
  const requestContext = {
    request: { query: "{ a }", operationName: "A", variables: { v: 1 }, http: { method: "POST", headers: new HeaderMap(), search: "" } },
    response: { http: responseHttp },
    contextValue,
    document: { kind: "Document" },
    operationName: "A",
    queryHash: "hash",
  };
  const built = build(requestContext, { logger: console, cache: "cache" }, { includeStacktraceInErrorResponses: false });

  expect(built.context).toBe(contextValue);
  expect(built.request).toMatchObject({ query: "{ a }", operationName: "A", variables: { v: 1 } });
  expect(built.document).toBe(requestContext.document);
  expect(built.response.http.headers.get("x-a")).toBe("1");
  // The status accessors still read and write Apollo's own response head.
  built.response.http.status = 418;
  expect(responseHttp.status).toBe(418);
  responseHttp.status = 202;
  expect(built.response.http.status).toBe(202);
});
