// HTTP caching of GraphQL answers (src/server/http-cache.ts): anonymous reads over GET are
// public for HTTP_CACHE_MAX_AGE_SECONDS with a strong ETag, and a current copy is answered 304;
// whatever is authenticated, erroneous, not 200 or a POST is no-store.
import { createHash } from "node:crypto";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

const VARY = "Accept, Authorization, X-Newsgraph-Read-Primary, X-Newsgraph-Router-Secret";
const JSON_TYPE = "application/json; charset=utf-8";
const ETAG = /^"[A-Za-z0-9_-]{43}"$/;
/** Apollo's CSRF prevention wants it on every GET. */
const PREFLIGHT = { "apollo-require-preflight": "true" };

const LEBANON = '{ countryByCode(code: "LB") { name } }';
const ISRAEL = '{ countryByCode(code: "IL") { name } }';
const answerOf = (name: string) => ({ data: { countryByCode: { name } }, extensions: { sqlStatements: expect.any(Number) } });

/** What a client sees of a response: its status, the headers caching is about, and its body. */
async function exchange(url: string, init: { method?: string; params?: Record<string, string>; headers?: Record<string, string>; body?: unknown }) {
  const search = init.params ? `?${new URLSearchParams(init.params)}` : "";
  const response = await fetch(`${url}/graphql${search}`, {
    method: init.method ?? "GET",
    headers: { ...PREFLIGHT, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  const header = (name: string) => response.headers.get(name);
  return {
    status: response.status,
    headers: {
      "cache-control": header("cache-control"),
      "content-type": header("content-type"),
      etag: header("etag"),
      vary: header("vary"),
    },
    body: text === "" ? "" : (JSON.parse(text) as unknown),
  };
}

const get = (server: TestServer, query: string, headers?: Record<string, string>) => exchange(server.url, { params: { query }, headers });

/** A cacheable answer's headers, with this max-age. */
const cacheable = (maxAge: number) => ({ "cache-control": `public, max-age=${maxAge}`, "content-type": JSON_TYPE, etag: expect.stringMatching(ETAG), vary: VARY });
const noStoreGet = { "cache-control": "no-store", "content-type": JSON_TYPE, etag: null, vary: VARY };

describe("with the default max-age", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  test("an anonymous GET is public for 60 s, with an ETag; If-None-Match with it is 304 with no body", async () => {
    const first = await get(server, LEBANON);
    expect(first).toEqual({ status: 200, headers: cacheable(60), body: answerOf("Lebanon") });
    const etag = first.headers.etag!;

    const again = await get(server, LEBANON);
    expect(again.headers.etag).toBe(etag);

    const notModified = { status: 304, headers: { ...cacheable(60), etag, "content-type": null }, body: "" };
    expect(await get(server, LEBANON, { "if-none-match": etag })).toEqual(notModified);
    // A list, a weak form of the same tag, and `*` match too (RFC 9110's weak comparison).
    expect(await get(server, LEBANON, { "if-none-match": `"other", W/${etag}` })).toEqual(notModified);
    expect(await get(server, LEBANON, { "if-none-match": "*" })).toEqual(notModified);
    // A tag that is not this answer's is answered in full.
    expect(await get(server, LEBANON, { "if-none-match": '"other"' })).toEqual(first);
  });

  test("another query, or another media type, has another ETag", async () => {
    const lebanon = await get(server, LEBANON);
    const israel = await get(server, ISRAEL);
    expect(israel).toEqual({ status: 200, headers: cacheable(60), body: answerOf("Israel") });
    expect(israel.headers.etag).not.toBe(lebanon.headers.etag);

    const graphqlResponse = await get(server, LEBANON, { accept: "application/graphql-response+json" });
    expect(graphqlResponse).toEqual({
      status: 200,
      headers: { ...cacheable(60), "content-type": "application/graphql-response+json; charset=utf-8" },
      body: answerOf("Lebanon"),
    });
    expect(graphqlResponse.headers.etag).not.toBe(lebanon.headers.etag);
    // Its ETag does not validate the application/json answer.
    expect((await get(server, LEBANON, { "if-none-match": graphqlResponse.headers.etag! })).status).toBe(200);
  });

  test("an authenticated GET, the router's secret or X-Newsgraph-Read-Primary: no-store and no ETag, even when If-None-Match matches", async () => {
    const { etag } = (await get(server, LEBANON)).headers;
    for (const headers of [await bearer({ roles: ["reader"] }), { "x-newsgraph-router-secret": "a".repeat(32) }, { "x-newsgraph-read-primary": "1" }]) {
      expect(await get(server, LEBANON, { ...headers, "if-none-match": etag! })).toEqual({ status: 200, headers: noStoreGet, body: answerOf("Lebanon") });
    }
  });

  test("a GET answered with errors is no-store, whether execution began or not", async () => {
    expect(await get(server, "{ people(first: -1) { totalCount } }")).toEqual({
      status: 200,
      headers: noStoreGet,
      body: {
        data: null,
        errors: [{ message: "`first` must not be negative.", locations: [{ line: 1, column: 3 }], path: ["people"], extensions: { code: "BAD_USER_INPUT", field: "first" } }],
        extensions: { sqlStatements: expect.any(Number) },
      },
    });
    expect(await get(server, "{ xyzzy }")).toEqual({
      status: 200,
      headers: noStoreGet,
      body: {
        errors: [{ message: 'Cannot query field "xyzzy" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }],
        extensions: { sqlStatements: 0 },
      },
    });
  });

  test("a GET refused before Apollo parses it (over the selection limit) is no-store", async () => {
    const fragments = Array.from({ length: 12 }, (_, i) => (i === 0 ? "fragment F0 on Query { __typename }" : `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`));
    const refused = await get(server, `{ ...F11 } ${fragments.join(" ")}`);
    expect({ ...refused, body: null }).toEqual({ status: 200, headers: { ...noStoreGet, vary: null }, body: null });
    expect(refused.body).toEqual({
      errors: [{ message: "Expanded field count 2048 exceeds the maximum of 2000.", extensions: { code: "TOO_MANY_SELECTIONS", maximum: 2000, actual: 2048 } }],
    });
  });

  test("a mutation over GET is refused (405) and no-store", async () => {
    expect(await get(server, 'mutation { createCountry(input: { code: "JO", name: "Jordan" }) { code } }')).toEqual({
      status: 405,
      headers: noStoreGet,
      body: {
        errors: [{ message: "GET requests only support query operations, not mutation operations", extensions: { code: "BAD_REQUEST" } }],
        extensions: { sqlStatements: 0 },
      },
    });
  });

  test("a POST is no-store, with no ETag and no Vary, whatever it sends", async () => {
    expect(await exchange(server.url, { method: "POST", body: { query: LEBANON } })).toEqual({
      status: 200,
      headers: { "cache-control": "no-store", "content-type": JSON_TYPE, etag: null, vary: null },
      body: answerOf("Lebanon"),
    });
  });

  test("an automatic persisted query over GET: not found (no-store) until a POST registers it, then cacheable and 304", async () => {
    const query = '{ countryByCode(code: "FR") { name } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
    const byHash = () => exchange(server.url, { params: { extensions: JSON.stringify(extensions) } });

    expect(await byHash()).toEqual({
      status: 200,
      headers: noStoreGet,
      body: { errors: [{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }], extensions: { sqlStatements: 0 } },
    });
    expect(await exchange(server.url, { method: "POST", body: { query, extensions } })).toEqual({
      status: 200,
      headers: { "cache-control": "no-store", "content-type": JSON_TYPE, etag: null, vary: null },
      body: answerOf("France"),
    });
    const cached = await byHash();
    expect(cached).toEqual({ status: 200, headers: cacheable(60), body: answerOf("France") });
    expect(await exchange(server.url, { params: { extensions: JSON.stringify(extensions) }, headers: { "if-none-match": cached.headers.etag! } })).toEqual({
      status: 304,
      headers: { ...cacheable(60), etag: cached.headers.etag, "content-type": null },
      body: "",
    });
  });
});

describe("max-age from the server's options", () => {
  test("an hour is an hour", async () => {
    const server = await startTestServer({ server: { httpCache: { maxAgeSeconds: 3600 } } });
    try {
      expect(await get(server, LEBANON)).toEqual({ status: 200, headers: cacheable(3600), body: answerOf("Lebanon") });
    } finally {
      await server.stop();
    }
  });

  test("0 turns caching off: no-store, no ETag, never 304", async () => {
    const server = await startTestServer({ server: { httpCache: { maxAgeSeconds: 0 } } });
    try {
      expect(await get(server, LEBANON, { "if-none-match": "*" })).toEqual({ status: 200, headers: noStoreGet, body: answerOf("Lebanon") });
    } finally {
      await server.stop();
    }
  });
});
