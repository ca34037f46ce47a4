// Abuse limits: for each one, the exact refusal a client gets (status, message, code) and a
// request just within the limit that runs. Then Apollo's own protections (CSRF prevention, no
// HTTP batching), the body size limit, and what turning introspection off changes.
import { startTestServer, type TestServer } from "./support/test-server";
import { ConfigError, LIMIT_DEFAULTS, loadConfig } from "../src/config";
import { DEFAULT_PAGE_SIZE } from "../src/schema/common/pagination.args";
import { countTokens, DEFAULT_PAGE_SIZE as COSTED_PAGE_SIZE } from "../src/server/limits";
import { postJson, rawRequest } from "./support/raw-http";

let server: TestServer;
let closed: TestServer;
beforeAll(async () => {
  [server, closed] = await Promise.all([
    startTestServer(),
    // Introspection off, and smaller limits passed to createServer directly.
    startTestServer({ server: { introspectionEnabled: false, limits: { maxDepth: 5, maxCost: 50 } } }),
  ]);
});
afterAll(() => Promise.all([server?.stop(), closed?.stop()]));

const NAQURA = `"naqura-civilian-talks-2025-12-03"`;
const times = (count: number, make: (index: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join(" ");

/** The refusal of a limit, as a client receives it: a GraphQL error, with 200 as application/json (test/http-status.test.ts). */
function refusal(message: string, extensions: Record<string, unknown>) {
  return { status: 200, body: expect.objectContaining({ errors: [{ message, extensions }] }) };
}

async function expectRuns(query: string, variables?: Record<string, unknown>, on: TestServer = server) {
  const { status, body } = await on.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

test("the defaults are those docs/configuration.md documents", () => {
  expect(LIMIT_DEFAULTS).toEqual({
    maxDepth: 15,
    maxAliases: 30,
    maxDirectives: 20,
    maxTokens: 3_000,
    maxCost: 500_000,
    maxSelections: 2_000,
    maxBodyBytes: 102_400,
  });
  expect(loadConfig({})).toMatchObject({ introspectionEnabled: true, limits: LIMIT_DEFAULTS });
});

test("each limit has its variable, validated", () => {
  const config = loadConfig({
    LIMIT_MAX_DEPTH: "20",
    LIMIT_MAX_ALIASES: "5",
    LIMIT_MAX_DIRECTIVES: "0",
    LIMIT_MAX_TOKENS: "10000",
    LIMIT_MAX_COST: "1000",
    LIMIT_MAX_SELECTIONS: "500",
    LIMIT_BODY_BYTES: "1048576",
    INTROSPECTION_ENABLED: "false",
  });
  expect(config).toMatchObject({
    introspectionEnabled: false,
    limits: { maxDepth: 20, maxAliases: 5, maxDirectives: 0, maxTokens: 10_000, maxCost: 1_000, maxSelections: 500, maxBodyBytes: 1_048_576 },
  });
  for (const [variable, value] of [
    ["LIMIT_MAX_DEPTH", "0"],
    ["LIMIT_MAX_ALIASES", "many"],
    ["LIMIT_MAX_DIRECTIVES", "-1"],
    ["LIMIT_MAX_TOKENS", "2.5"],
    ["LIMIT_MAX_COST", "0"],
    ["LIMIT_MAX_SELECTIONS", "0"],
    ["LIMIT_BODY_BYTES", "100"],
    ["INTROSPECTION_ENABLED", "yes"],
  ]) {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^invalid configuration: ${variable} `));
  }
});

describe("depth", () => {
  // Every relation through a connection takes three levels: the field, `edges`, `node`.
  const path = (leaf: string) =>
    `{ meetingBySlug(slug: ${NAQURA}) { delegations { edges { node { members { edges { node { person {
       meetings { edges { node { delegations { edges { node { ${leaf} } } } } } } } } } } } } } } }`;

  test("a query 15 fields deep runs", async () => {
    await expectRuns(path("id"));
  });

  test("one 16 deep is refused", async () => {
    expect(await server.graphql(path("country { code }"))).toEqual(
      refusal("Query depth 16 exceeds the maximum of 15.", { code: "QUERY_TOO_DEEP", maximum: 15, actual: 16 }),
    );
  });

  test("fragments add no level, and their depth counts where they are spread", async () => {
    const query = `
      query { meetingBySlug(slug: ${NAQURA}) { ...Delegations } }
      fragment Delegations on Meeting { delegations { edges { node { ... on Delegation { leader { meetings { edges { node {
        delegations { edges { node { members { edges { node { person { name } } } } } } } } } } } } } } } }`;
    expect(await server.graphql(query)).toEqual(
      refusal("Query depth 16 exceeds the maximum of 15.", { code: "QUERY_TOO_DEEP", maximum: 15, actual: 16 }),
    );
  });

  test("the canonical nested query, a meeting's delegations with their members, runs", async () => {
    const data = await expectRuns(
      `{ meetingBySlug(slug: ${NAQURA}) { delegations { edges { node { members { edges { node { person { name } } } } } } } } }`,
    );
    expect(data).toMatchObject({ meetingBySlug: { delegations: { edges: expect.any(Array) } } });
  });
});

describe("aliases", () => {
  test("30 aliases run", async () => {
    const data = await expectRuns(`{ ${times(30, (i) => `a${i}: __typename`)} }`);
    expect(Object.keys(data!)).toHaveLength(30);
  });

  test("31 are refused", async () => {
    expect(await server.graphql(`{ ${times(31, (i) => `a${i}: __typename`)} }`)).toEqual(
      refusal("Query alias count 31 exceeds the maximum of 30.", { code: "TOO_MANY_ALIASES", maximum: 30, actual: 31 }),
    );
  });

  test("aliases in a fragment count once per spread", async () => {
    const query = `{ ...A ... { ...A } } fragment A on Query { ${times(16, (i) => `a${i}: __typename`)} }`;
    expect(await server.graphql(query)).toEqual(
      refusal("Query alias count 32 exceeds the maximum of 30.", { code: "TOO_MANY_ALIASES", maximum: 30, actual: 32 }),
    );
  });
});

describe("expanded selections", () => {
  // Fragments F0..F10 on Query, each spreading the one below twice: F{n} selects 2^n fields.
  const doubling = Array.from({ length: 11 }, (_, n) =>
    n === 0 ? "fragment F0 on Query { __typename }" : `fragment F${n} on Query { ...F${n - 1} ...F${n - 1} }`,
  ).join(" ");

  test("2,000 fields, fragments expanded, run", async () => {
    // 1024 + 512 + 256 + 128 + 64 + 16
    expect(await expectRuns(`{ ...F10 ...F9 ...F8 ...F7 ...F6 ...F4 } ${doubling}`)).toEqual({ __typename: "Query" });
  });

  test("2,001 are refused before validation", async () => {
    expect(await server.graphql(`{ __typename ...F10 ...F9 ...F8 ...F7 ...F6 ...F4 } ${doubling}`)).toEqual({
      status: 200,
      body: {
        errors: [
          {
            message: "Expanded field count 2001 exceeds the maximum of 2000.",
            extensions: { code: "TOO_MANY_SELECTIONS", maximum: 2000, actual: 2001 },
          },
        ],
      },
    });
  });

  test("the schema is asked for once per document", async () => {
    expect(await expectRuns(`{ _service { sdl } }`)).toEqual({ _service: { sdl: expect.stringContaining("type Meeting") } });
    expect(await server.graphql(`{ __schema { queryType { name } } again: __schema { queryType { name } } }`)).toEqual({
      status: 200,
      body: {
        errors: [
          {
            message: "Schema request count (`__schema`, `_service`) 2 exceeds the maximum of 1.",
            extensions: { code: "TOO_MANY_SCHEMA_REQUESTS", maximum: 1, actual: 2 },
          },
        ],
      },
    });
  });

  test("introspection counts in the cost", async () => {
    // 1 + 99 × (1 + 1 + 100 × (1 + 1 + 48)) = 495,199; the introspection adds 1 + 20 × (1 + 20 × (1 + 20)) = 8,421.
    const data = `meetings(first: 99) { edges { node { delegations(first: 100) { edges { node { members(first: 48) { edges { node { id } } } } } } } } }`;
    await expectRuns(`{ ${data} }`);
    expect(await server.graphql(`{ ${data} __schema { types { fields { args { name } } } } }`)).toEqual(
      refusal("Query cost 503620 exceeds the maximum of 500000.", { code: "QUERY_TOO_COSTLY", maximum: 500_000, actual: 503_620 }),
    );
  });
});

describe("directives", () => {
  test("20 directives run", async () => {
    expect(await expectRuns(`{ ${times(20, () => "__typename @include(if: true)")} }`)).toEqual({ __typename: "Query" });
  });

  test("21 are refused", async () => {
    expect(await server.graphql(`{ ${times(21, () => "__typename @include(if: true)")} }`)).toEqual(
      refusal("Query directive count 21 exceeds the maximum of 20.", { code: "TOO_MANY_DIRECTIVES", maximum: 20, actual: 21 }),
    );
  });

  test("those on fragments and spreads count too", async () => {
    const query = `query ($yes: Boolean = true) {
      ... @include(if: $yes) { ${times(10, () => "__typename @skip(if: false)")} }
      ...F @include(if: $yes)
    }
    fragment F on Query { ${times(10, () => "__typename @include(if: $yes)")} }`;
    expect(await server.graphql(query)).toEqual(
      refusal("Query directive count 22 exceeds the maximum of 20.", { code: "TOO_MANY_DIRECTIVES", maximum: 20, actual: 22 }),
    );
  });
});

describe("tokens", () => {
  /** A valid query of exactly `tokens` tokens: a federation representation carries the padding. */
  function queryOf(tokens: number): string {
    const make = (zeros: number) =>
      `{ _entities(representations: [{ __typename: "Country", code: "LB", padding: [${"0 ".repeat(zeros)}] }]) { ... on Country { name } } }`;
    const query = make(tokens - countTokens(make(0), tokens));
    expect(countTokens(query, tokens + 10)).toBe(tokens);
    return query;
  }

  test("a document of 3000 tokens runs", async () => {
    expect(await expectRuns(queryOf(3_000))).toEqual({ _entities: [{ name: "Lebanon" }] });
  });

  test("one of 3001 is refused, without parsing on", async () => {
    expect(await server.graphql(queryOf(3_001))).toEqual(
      refusal("Query token count exceeds the maximum of 3000.", { code: "TOO_MANY_TOKENS", maximum: 3_000 }),
    );
  });

  test("other syntax errors stay syntax errors", async () => {
    const { status, body } = await server.graphql(`{ meetings { ${"totalCount ".repeat(2_000)}`);
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      { message: "Syntax Error: Expected Name, found <EOF>.", locations: [expect.any(Object)], extensions: { code: "GRAPHQL_PARSE_FAILED" } },
    ]);
  });
});

describe("cost", () => {
  // 1 (meetings) + 50 nodes + 50 delegation connections + 50 × 98 nodes + 4,900 member
  // connections + 4,900 × 100 nodes = 500,001 less the countries: 1 + n.
  const query = `query ($n: Int) {
    meetings(first: 50) { edges { node { delegations(first: 98) { edges { node { members(first: 100) { edges { node { id } } } } } } } } }
    countries(first: $n) { edges { node { code } } }
  }`;

  test("a query that may return 500,000 objects runs", async () => {
    await expectRuns(query, { n: 98 });
  });

  test("one more is refused; page sizes come from variables too", async () => {
    expect(await server.graphql(query, { n: 99 })).toEqual(
      refusal("Query cost 500001 exceeds the maximum of 500000.", { code: "QUERY_TOO_COSTLY", maximum: 500_000, actual: 500_001 }),
    );
  });

  test("a repeated document's measure is kept per value of the variables it reads", async () => {
    const tooCostly = refusal("Query cost 500001 exceeds the maximum of 500000.", { code: "QUERY_TOO_COSTLY", maximum: 500_000, actual: 500_001 });
    expect(await server.graphql(query, { n: 99 })).toEqual(tooCostly);
    await expectRuns(query, { n: 98 });
    expect(await server.graphql(query, { n: 99 })).toEqual(tooCostly);
    // `last` counts when `first` is null: both variables are part of what the measure is kept by.
    const either = query.replace("query ($n: Int)", "query ($n: Int, $m: Int)").replace("countries(first: $n)", "countries(first: $n, last: $m)");
    await expectRuns(either, { n: 98 });
    await expectRuns(either, { n: null, m: 98 });
    expect(await server.graphql(either, { n: null, m: 99 })).toEqual(tooCostly);
    expect(await server.graphql(either, { n: 99, m: 1 })).toEqual(tooCostly);
  });

  test("first: 100 nested three deep is refused", async () => {
    const nested = `{ meetings(first: 100) { edges { node { delegations(first: 100) { edges { node {
      members(first: 100) { edges { node { person { name } } } } } } } } } } }`;
    // Twice: the second time from the measure kept for the document.
    for (let time = 0; time < 2; time++) {
      expect(await server.graphql(nested)).toEqual(
        refusal("Query cost 2020201 exceeds the maximum of 500000.", { code: "QUERY_TOO_COSTLY", maximum: 500_000, actual: 2_020_201 }),
      );
    }
  });
});

test("limits passed to createServer replace the defaults; a connection without first or last counts 20", async () => {
  expect(COSTED_PAGE_SIZE).toBe(DEFAULT_PAGE_SIZE);
  const places = (page: string) => `{ meetings${page} { edges { node { place { name } } } } }`;
  await expectRuns(places(""), undefined, closed); // 1 + 20 meetings + 20 places = 41
  await expectRuns(places("(first: 24)"), undefined, closed); // 49
  expect(await closed.graphql(places("(last: 25)"))).toEqual(
    refusal("Query cost 51 exceeds the maximum of 50.", { code: "QUERY_TOO_COSTLY", maximum: 50, actual: 51 }),
  );
  expect(await closed.graphql(`{ meetings(first: 1) { edges { node { place { country { code } } } } } }`)).toEqual(
    refusal("Query depth 6 exceeds the maximum of 5.", { code: "QUERY_TOO_DEEP", maximum: 5, actual: 6 }),
  );
});

describe("request body", () => {
  /** A JSON body of exactly `bytes` bytes: a long (unknown) country code pads it. */
  function bodyOf(bytes: number): string {
    const make = (padding: number) =>
      JSON.stringify({ query: "query ($code: String!) { countryByCode(code: $code) { name } }", variables: { code: "x".repeat(padding) } });
    const body = make(bytes - make(0).length);
    expect(Buffer.byteLength(body)).toBe(bytes);
    return body;
  }

  test("a body of 100 KiB is read", async () => {
    const response = await postJson(server.url, bodyOf(102_400));
    expect(response).toMatchObject({ status: 200, json: { data: { countryByCode: null } } });
  });

  test("a larger one is refused with 413 and a JSON error, not an HTML page", async () => {
    const response = await postJson(server.url, bodyOf(102_401));
    expect(response).toMatchObject({ status: 413, contentType: expect.stringMatching(/^application\/json/) });
    expect(response.json).toEqual({
      errors: [
        {
          message: "Request body size 102401 bytes exceeds the maximum of 102400 bytes.",
          extensions: { code: "PAYLOAD_TOO_LARGE" },
        },
      ],
    });
  });

  test("so is a megabyte sent without a length (chunked), as soon as it passes the limit", async () => {
    const chunks = [bodyOf(1_048_576)];
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(chunk));
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: "Request body size exceeds the maximum of 102400 bytes.", extensions: { code: "PAYLOAD_TOO_LARGE" } }],
    });
  });

  test("a body that is not JSON gets a JSON error", async () => {
    const response = await postJson(server.url, `{"query": "{ __typename }"`);
    expect(response).toMatchObject({
      status: 400,
      json: { errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] },
    });
  });
});

describe("Apollo Server's own protections", () => {
  test("CSRF prevention: a GET query without a preflight header is refused", async () => {
    const response = await rawRequest(server.url, { method: "GET", path: `/graphql?query=${encodeURIComponent("{ __typename }")}` });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)\./),
          extensions: { code: "BAD_REQUEST" },
        },
      ],
    });
  });

  test("CSRF prevention: so is a POST a browser form could send (text/plain)", async () => {
    const response = await rawRequest(server.url, { headers: { "content-type": "text/plain" }, body: `{"query":"{ __typename }"}` });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
    expect((response.json as { errors: { message: string }[] }).errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  test("the same GET with the preflight header runs", async () => {
    const response = await rawRequest(server.url, {
      method: "GET",
      path: `/graphql?query=${encodeURIComponent("{ __typename }")}`,
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response).toMatchObject({ status: 200, json: { data: { __typename: "Query" } } });
  });

  test("HTTP batching is off: an array of operations is refused", async () => {
    const response = await postJson(server.url, [{ query: "{ __typename }" }, { query: "{ __typename }" }]);
    expect(response).toMatchObject({
      status: 400,
      json: { errors: [{ message: "Operation batching disabled.", extensions: { code: "BAD_REQUEST" } }] },
    });
  });
});

describe("requests that could only fail inside execution are client errors", () => {
  test("a subscription, which is served over WebSocket (test/subscriptions.test.ts)", async () => {
    expect(await server.graphql(`subscription { articleRecorded { articleSlug } }`)).toEqual({
      status: 400,
      body: expect.objectContaining({
        errors: [
          {
            message: "Subscriptions are served over WebSocket at /graphql (the graphql-transport-ws protocol of graphql-ws), not over HTTP.",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      }),
    });
  });

  test("a NUL character in a string, in the document or in a variable", async () => {
    const refused = {
      status: 200,
      body: expect.objectContaining({
        errors: [{ message: "Strings must not contain the NUL character (U+0000).", extensions: { code: "BAD_USER_INPUT" } }],
      }),
    };
    expect(await server.graphql(`{ countryByCode(code: "L\\u0000B") { name } }`)).toEqual(refused);
    expect(await server.graphql(`query ($f: PersonFilter) { people(filter: $f) { totalCount } }`, { f: { name: "a\u0000" } })).toEqual(refused);
  });

  test("Apollo's own request errors without a code get BAD_REQUEST", async () => {
    const response = await postJson(server.url, {
      query: "{ __typename }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "f".repeat(64) } },
    });
    expect(response).toMatchObject({
      status: 400,
      json: { errors: [{ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } }] },
    });
  });
});

describe("introspection", () => {
  const unknownField = `{ meetingz { totalCount } }`;
  const unknownEnumValue = [`query ($status: CeasefireStatus) { ceasefires(filter: { status: $status }) { totalCount } }`, { status: "IN_FORC" }] as const;

  test("on (the default): introspection runs, and errors suggest names", async () => {
    expect(await expectRuns(`{ __schema { queryType { name } } }`)).toEqual({ __schema: { queryType: { name: "Query" } } });
    expect((await server.graphql(unknownField)).body.errors![0].message).toBe(
      `Cannot query field "meetingz" on type "Query". Did you mean "meeting" or "meetings"?`,
    );
    expect((await server.graphql(...unknownEnumValue)).body.errors![0].message).toMatch(/Did you mean the enum value "IN_FORCE"\?$/);
  });

  test("off: introspection is refused", async () => {
    const { status, body } = await closed.graphql(`{ __schema { queryType { name } } }`);
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/^GraphQL introspection is not allowed/),
        locations: [{ line: 1, column: 3 }],
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", validationErrorCode: "INTROSPECTION_DISABLED" },
      },
    ]);
  });

  test("off: no error suggests names, in the query or in variables", async () => {
    expect(await closed.graphql(unknownField)).toEqual({
      status: 200,
      body: expect.objectContaining({
        errors: [
          { message: `Cannot query field "meetingz" on type "Query".`, locations: [{ line: 1, column: 3 }], extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
        ],
      }),
    });
    const { body } = await closed.graphql(...unknownEnumValue);
    expect(body.errors).toEqual([
      {
        message: `Variable "$status" got invalid value "IN_FORC"; Value "IN_FORC" does not exist in "CeasefireStatus" enum.`,
        locations: [expect.any(Object)],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
  });
});
