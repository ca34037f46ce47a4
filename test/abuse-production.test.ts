// A production server (NODE_ENV=production through loadConfig, so the defaults are the real
// ones) gives nothing away and cannot be stalled: no introspection, no "Did you mean" hints, no
// Playground, `_service` only for the federation router, `/metrics` only with its token or on its
// own port; a body declared too large is refused at once, and slow clients are cut off.
import { createHash } from "node:crypto";
import { startProductionServer } from "./support/production-server";
import { postJson, rawRequest } from "./support/raw-http";
import { parseResponse, socketExchange } from "./support/raw-socket";
import type { TestServer } from "./support/test-server";

const ROUTER_SECRET = "router-secret-of-at-least-32-characters!";
const METRICS_TOKEN = "metrics-token-of-at-least-32-characters";
const HTML = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

let production: TestServer;
let opened: TestServer;
beforeAll(async () => {
  [production, opened] = await Promise.all([
    startProductionServer({
      FEDERATION_SDL_SECRET: ROUTER_SECRET,
      METRICS_TOKEN,
      HTTP_HEADERS_TIMEOUT_MS: "500",
      HTTP_REQUEST_TIMEOUT_MS: "1500",
      HTTP_KEEP_ALIVE_TIMEOUT_MS: "300",
    }),
    // What an operator turns back on explicitly, and metrics on a port of their own.
    startProductionServer({ INTROSPECTION_ENABLED: "true", PLAYGROUND_ENABLED: "true", METRICS_PORT: "0", METRICS_HOST: "127.0.0.1" }),
  ]);
}, 120_000);
afterAll(() => Promise.all([production?.stop(), opened?.stop()]));

const refusal = (status: number, message: string, code: string) => ({ status, body: { errors: [{ message, extensions: { code } }] } });

describe("introspection and hints", () => {
  test("introspection is refused", async () => {
    expect(await production.graphql(`{ __schema { queryType { name } } }`)).toEqual({
      status: 200,
      body: {
        errors: [
          {
            message:
              "GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production",
            locations: [{ line: 1, column: 3 }],
            extensions: { code: "GRAPHQL_VALIDATION_FAILED", validationErrorCode: "INTROSPECTION_DISABLED" },
          },
        ],
      },
    });
  });

  test("errors suggest no names", async () => {
    expect(await production.graphql(`{ meetingz { totalCount } }`)).toEqual({
      status: 200,
      body: {
        errors: [
          { message: `Cannot query field "meetingz" on type "Query".`, locations: [{ line: 1, column: 3 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
        ],
      },
    });
  });

  test("INTROSPECTION_ENABLED=true turns introspection and hints back on", async () => {
    expect(await opened.graphql(`{ __schema { queryType { name } } }`)).toEqual({
      status: 200,
      body: { data: { __schema: { queryType: { name: "Query" } } } },
    });
    expect((await opened.graphql(`{ meetingz { totalCount } }`)).body.errors![0].message).toBe(
      `Cannot query field "meetingz" on type "Query". Did you mean "meeting" or "meetings"?`,
    );
  });
});

describe("federation", () => {
  const SDL = `{ _service { sdl } }`;
  const sdlRefused = refusal(200, "_service is not available: introspection is disabled on this server.", "INTROSPECTION_DISABLED");

  test("_service { sdl } is refused without the router's secret, however it is asked for", async () => {
    expect(await production.graphql(SDL)).toEqual(sdlRefused);
    expect(await production.graphql(SDL, undefined, { "x-newsgraph-router-secret": "wrong" })).toEqual(sdlRefused);
    expect(await production.graphql(SDL, undefined, { "x-newsgraph-router-secret": `${ROUTER_SECRET}x` })).toEqual(sdlRefused);
    expect(await production.graphql(`{ schema: _service { sdl } }`)).toEqual(sdlRefused);
    expect(await production.graphql(`query { ...S } fragment S on Query { ... on Query { _service { sdl } } }`)).toEqual(sdlRefused);
  });

  test("_service { sdl } is served to the router's secret, and with introspection on", async () => {
    for (const { body, status } of [
      await production.graphql(SDL, undefined, { "x-newsgraph-router-secret": ROUTER_SECRET }),
      await opened.graphql(SDL),
    ]) {
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect((body.data as { _service: { sdl: string } })._service.sdl).toContain(`type Country implements Audited & Fact\n  @key(fields: "id")\n  @key(fields: "code")`);
    }
  });

  test("_entities stays open to routers' queries", async () => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { name } } }`;
    expect(await production.graphql(query, { representations: [{ __typename: "Country", code: "LB" }] })).toEqual({
      status: 200,
      body: { data: { _entities: [{ name: "Lebanon" }] } },
    });
  });
});

describe("Playground", () => {
  test("is not served: / is a JSON 404, /graphql answers browsers with no page", async () => {
    const root = await rawRequest(production.url, { method: "GET", path: "/", headers: HTML });
    expect(root).toEqual({
      status: 404,
      contentType: "application/json; charset=utf-8",
      text: expect.any(String),
      json: { errors: [{ message: "Not found.", extensions: { code: "NOT_FOUND" } }] },
    });
    const graphqlPage = await rawRequest(production.url, { method: "GET", path: "/graphql", headers: HTML });
    expect(graphqlPage.contentType).not.toContain("text/html");
  });

  test("when turned on, its page has a strict Content-Security-Policy and refuses framing", async () => {
    const response = await fetch(`${opened.url}/`, { headers: HTML });
    const page = await response.text();
    expect(response.status).toBe(200);
    // The one inline script, allowed by its hash and nothing else.
    const inline = [...page.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, text]) => text);
    expect(inline).toHaveLength(1);
    const hash = createHash("sha256").update(inline[0]).digest("base64");
    expect(response.headers.get("content-security-policy")).toBe(
      [
        "default-src 'none'",
        `script-src 'self' 'sha256-${hash}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("metrics", () => {
  const unauthenticated = {
    status: 401,
    contentType: "application/json; charset=utf-8",
    text: expect.any(String),
    json: { errors: [{ message: "The metrics need a bearer token.", extensions: { code: "UNAUTHENTICATED" } }] },
  };

  test("METRICS_TOKEN: a scrape without the token, or with another, gets 401", async () => {
    expect(await rawRequest(production.url, { method: "GET", path: "/metrics" })).toEqual(unauthenticated);
    for (const authorization of ["Bearer wrong", `Bearer ${METRICS_TOKEN}x`, `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      expect(await rawRequest(production.url, { method: "GET", path: "/metrics", headers: { authorization } })).toEqual(unauthenticated);
    }
  });

  test("METRICS_TOKEN: a scrape with the token gets the metrics", async () => {
    const response = await rawRequest(production.url, { method: "GET", path: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.text).toContain("# TYPE newsgraph_graphql_requests_total counter");
  });

  test("METRICS_PORT: metrics are served there, and not on the main port", async () => {
    expect(await rawRequest(opened.url, { method: "GET", path: "/metrics" })).toEqual({
      status: 404,
      contentType: "application/json; charset=utf-8",
      text: expect.any(String),
      json: { errors: [{ message: "Not found.", extensions: { code: "NOT_FOUND" } }] },
    });
    const port = (opened.server.metricsServer!.address() as { port: number }).port;
    const response = await rawRequest(`http://127.0.0.1:${port}`, { method: "GET", path: "/metrics" });
    expect(response.status).toBe(200);
    expect(response.text).toContain("# TYPE newsgraph_graphql_requests_total counter");
  });
});

describe("requests that would hold a connection", () => {
  const post = (headers: string) => `POST /graphql HTTP/1.1\r\nHost: newsgraph\r\nContent-Type: application/json\r\n${headers}`;
  const timeoutBody = { errors: [{ message: "The request took too long to arrive.", extensions: { code: "REQUEST_TIMEOUT" } }] };

  test("a Content-Length over the body limit is answered 413 at once, and the connection closed", async () => {
    const { received, closedAfterMs } = await socketExchange(production.url, [{ data: post("Content-Length: 999999999\r\n\r\n{}") }], 8_000);
    const response = parseResponse(received);
    expect(response).toEqual({
      status: 413,
      headers: expect.objectContaining({ connection: "close", "content-type": "application/json; charset=utf-8" }),
      body: JSON.stringify({
        errors: [{ message: "Request body size 999999999 bytes exceeds the maximum of 102400 bytes.", extensions: { code: "PAYLOAD_TOO_LARGE" } }],
      }),
    });
    expect(closedAfterMs).toBeLessThan(1_000);
  });

  test("a client that sends half its headers and stalls is cut off after the headers timeout", async () => {
    const { received, closedAfterMs } = await socketExchange(production.url, [{ data: `GET /health/live HTTP/1.1\r\nHost: newsgraph\r\n` }], 8_000);
    expect(parseResponse(received)).toEqual({ status: 408, headers: expect.objectContaining({ connection: "close" }), body: JSON.stringify(timeoutBody) });
    // Upper bounds leave room for a busy machine, and stay far below the defaults (10 s, 30 s, 5 s).
    expect(closedAfterMs).toBeGreaterThanOrEqual(450);
    expect(closedAfterMs).toBeLessThan(3_000);
  });

  test("headers trickled a byte at a time are cut off after the headers timeout too", async () => {
    const head = post("Content-Length: 2\r\n\r\n");
    const parts = [...head].map((data) => ({ delayMs: 50, data }));
    const { received, closedAfterMs } = await socketExchange(production.url, parts, 8_000);
    expect(parseResponse(received).status).toBe(408);
    expect(closedAfterMs).toBeLessThan(3_000);
  });

  test("a body that trickles is cut off after the request timeout", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    const parts = [{ data: post(`Content-Length: ${body.length}\r\n\r\n`) }, ...[...body].map((data) => ({ delayMs: 100, data }))];
    const { received, closedAfterMs } = await socketExchange(production.url, parts, 8_000);
    expect(parseResponse(received)).toEqual({ status: 408, headers: expect.objectContaining({ connection: "close" }), body: JSON.stringify(timeoutBody) });
    expect(closedAfterMs).toBeGreaterThanOrEqual(1_450);
    expect(closedAfterMs).toBeLessThan(4_000);
  });

  test("an idle keep-alive connection is closed after the keep-alive timeout", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    const { received, closedAfterMs } = await socketExchange(production.url, [{ data: post(`Content-Length: ${body.length}\r\n\r\n${body}`) }], 8_000);
    expect(parseResponse(received)).toMatchObject({ status: 200, body: `${JSON.stringify({ data: { __typename: "Query" } })}\n` });
    // node keeps the socket 1 s past the timeout it advertises, so that clients close first.
    expect(closedAfterMs).toBeGreaterThanOrEqual(1_250);
    expect(closedAfterMs).toBeLessThan(3_500);
  });

  test("what is not HTTP, or has oversized headers, gets a JSON error and the connection closed", async () => {
    const notHttp = await socketExchange(production.url, [{ data: "HELLO THERE\r\n\r\n" }], 8_000);
    expect(parseResponse(notHttp.received)).toEqual({
      status: 400,
      headers: expect.objectContaining({ connection: "close", "content-type": "application/json; charset=utf-8" }),
      body: JSON.stringify({ errors: [{ message: "The request is not valid HTTP.", extensions: { code: "BAD_REQUEST" } }] }),
    });
    const hugeHeaders = await socketExchange(production.url, [{ data: `GET /health/live HTTP/1.1\r\nHost: newsgraph\r\nX-Big: ${"x".repeat(20_000)}\r\n\r\n` }], 8_000);
    expect(parseResponse(hugeHeaders.received)).toEqual({
      status: 431,
      headers: expect.objectContaining({ connection: "close" }),
      body: JSON.stringify({ errors: [{ message: "The request's headers are too large.", extensions: { code: "BAD_REQUEST" } }] }),
    });
  });

  test("requests that arrive in time are served", async () => {
    expect(await postJson(production.url, { query: `{ countryByCode(code: "LB") { name } }` })).toMatchObject({
      status: 200,
      json: { data: { countryByCode: { name: "Lebanon" } } },
    });
  });
});
