// Hundreds of bad requests, generated, thrown at the running server ten at a time: malformed
// bodies, wrong content types and methods, invalid GraphQL, unknown fields, wrong variable types,
// huge strings, deep, wide and alias-heavy queries, directive floods, fragment cycles, huge page
// sizes, invalid cursors and ids, bad bearer tokens, and invalid or unauthorised mutations. Each
// must get a clean error: a 4xx status (or 200 with errors), a JSON body whose every error has an
// `extensions.code` other than INTERNAL_SERVER_ERROR, and no stack trace. After each one the
// server still answers, and afterwards every table holds exactly what it held before.
import { gzipSync } from "node:zlib";
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from "graphql";
import { snapshotTables, type TableSnapshot } from "./support/database-snapshot";
import { type RawRequest, type RawResponse, rawRequest } from "./support/raw-http";
import { startProductionServer } from "./support/production-server";
import type { TestServer } from "./support/test-server";
import { signToken, TEST_JWT_SECRET } from "./support/tokens";

interface AbuseCase {
  group: string;
  name: string;
  request: RawRequest;
  /** "refused" (the default): must get errors. "clean": may also be answered, but cleanly. */
  outcome?: "refused" | "clean";
}

const CONCURRENCY = 10;
const NAQURA = `"naqura-civilian-talks-2025-12-03"`;
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

let server: TestServer;
let before: TableSnapshot;
beforeAll(async () => {
  // Production mode, with introspection turned on: the cases are generated from the schema it serves.
  server = await startProductionServer({ INTROSPECTION_ENABLED: "true", AUTH_JWT_SECRET: TEST_JWT_SECRET });
  before = await snapshotTables(server.database);
});
afterAll(() => server?.stop());

// ---------------------------------------------------------------------------------------------
// Request builders

const json = (body: string | Uint8Array, headers: Record<string, string> = {}): RawRequest => ({
  headers: { "content-type": "application/json", ...headers },
  body,
});
const gql = (query: string, variables?: unknown, headers: Record<string, string> = {}): RawRequest =>
  json(JSON.stringify({ query, variables }), headers);
const get = (params: Record<string, string>, headers: Record<string, string> = { "apollo-require-preflight": "true" }): RawRequest => ({
  method: "GET",
  path: `/graphql?${new URLSearchParams(params)}`,
  headers,
});
const range = (count: number) => Array.from({ length: count }, (_, i) => i);
const times = (count: number, make: (index: number) => string) => range(count).map(make).join(" ");
const base64url = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const cases = (group: string, entries: [string, RawRequest][], outcome?: AbuseCase["outcome"]): AbuseCase[] =>
  entries.map(([name, request]) => ({ group, name, request, outcome }));

// ---------------------------------------------------------------------------------------------
// The groups

function malformedBodies(): AbuseCase[] {
  const valid = `{"query":"{ __typename }"}`;
  const raw: [string, string | Uint8Array][] = [
    ["empty", ""],
    ["whitespace", "   \n\t "],
    ["open brace", "{"],
    ["close brace", "}"],
    ["open bracket", "["],
    ["mismatched", "{]"],
    ["truncated", valid.slice(0, -1)],
    ["truncated mid-string", valid.slice(0, 12)],
    ["trailing brace", `${valid}}`],
    ["trailing garbage", `${valid} garbage`],
    ["trailing comma", `{"query":"{ __typename }",}`],
    ["single quotes", `{'query':'{ __typename }'}`],
    ["unquoted key", `{query:"{ __typename }"}`],
    ["missing comma", `{"query":"{ __typename }" "variables":{}}`],
    ["bad escape", `{"query":"\\x41"}`],
    ["raw control character", `{"query":"{ __typename \u0001}"}`],
    ["NaN", `{"query":"{ __typename }","variables":{"a":NaN}}`],
    ["a string", `"{ __typename }"`],
    ["a number", "42"],
    ["true", "true"],
    ["null", "null"],
    ["comment", `/* hi */ ${valid}`],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    ["NUL bytes", new Uint8Array(64)],
    ["deeply nested arrays", "[".repeat(20_000) + "]".repeat(20_000)],
    ["deeply nested objects", `{"a":`.repeat(10_000) + "1" + "}".repeat(10_000)],
    ["empty object", "{}"],
    ["query is a number", `{"query":1}`],
    ["query is null", `{"query":null}`],
    ["query is empty", `{"query":""}`],
    ["query is blank", `{"query":"   "}`],
    ["query is a list", `{"query":["{ __typename }"]}`],
    ["query is an object", `{"query":{"text":"{ __typename }"}}`],
    ["query is true", `{"query":true}`],
    ["variables is a string", `{"query":"{ __typename }","variables":"{}"}`],
    ["variables is a list", `{"query":"{ __typename }","variables":[1]}`],
    ["variables is a number", `{"query":"{ __typename }","variables":5}`],
    ["operationName is a number", `{"query":"{ __typename }","operationName":5}`],
    ["operationName is an object", `{"query":"{ __typename }","operationName":{}}`],
    ["operationName unknown", `{"query":"query A { __typename }","operationName":"B"}`],
    ["extensions is a string", `{"query":"{ __typename }","extensions":"x"}`],
    ["extensions is a list", `{"query":"{ __typename }","extensions":[1]}`],
    ["duplicate keys, the last invalid", `{"query":"{ __typename }","query":"{ nope }"}`],
    ["empty batch", "[]"],
    ["batch of one", `[${valid}]`],
    ["batch of two", `[${valid},${valid}]`],
    ["batch of numbers", "[1,2,3]"],
    ["no query, persisted query hash unknown", `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"${"0".repeat(64)}"}}}`],
    ["persisted query of another version", `{"query":"{ __typename }","extensions":{"persistedQuery":{"version":2,"sha256Hash":"abc"}}}`],
    ["persisted query hash not the query's", `{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"${"f".repeat(64)}"}}}`],
  ];
  return cases("malformed JSON bodies", raw.map(([name, body]) => [name, json(body)]));
}

function contentTypesAndMethods(): AbuseCase[] {
  const body = JSON.stringify({ query: "{ __typename }" });
  const typed = (contentType: string, content: string | Uint8Array = body, headers: Record<string, string> = {}): RawRequest => ({
    headers: { "content-type": contentType, ...headers },
    body: content,
  });
  return cases("content types and methods", [
    ["text/plain (a form a browser may send)", typed("text/plain", body)],
    ["form-urlencoded", typed("application/x-www-form-urlencoded", "query=%7B__typename%7D")],
    ["multipart", typed("multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--`)],
    ["no content type", { body: new TextEncoder().encode(body) }],
    ["application/xml", typed("application/xml", "<query>{ __typename }</query>")],
    ["application/graphql", typed("application/graphql", "{ __typename }")],
    ["text/html", typed("text/html", body)],
    ["octet-stream", typed("application/octet-stream", body)],
    ["JSON in latin1", typed("application/json; charset=latin1")],
    ["JSON in an unknown charset", typed("application/json; charset=klingon")],
    ["JSON said to be UTF-16", typed("application/json; charset=utf-16")],
    ["gzip that is not gzip", typed("application/json", body, { "content-encoding": "gzip" })],
    ["deflate that is not deflate", typed("application/json", body, { "content-encoding": "deflate" })],
    ["brotli that is not brotli", typed("application/json", body, { "content-encoding": "br" })],
    ["unknown content encoding", typed("application/json", body, { "content-encoding": "x-zip-bomb" })],
    ["gzip bomb (5 MB of spaces)", typed("application/json", gzipSync(Buffer.alloc(5_000_000, " ")), { "content-encoding": "gzip" })],
    ["PUT", { method: "PUT", ...json(body) }],
    ["PATCH", { method: "PATCH", ...json(body) }],
    ["DELETE", { method: "DELETE", ...json(body) }],
    ["GET without the preflight header (CSRF)", get({ query: "{ __typename }" }, {})],
    ["GET with a simple content type and no preflight header", get({ query: "{ __typename }" }, { "content-type": "text/plain" })],
    ["GET without a query", get({})],
    ["GET with an empty query", get({ query: "" })],
    ["GET of a mutation", get({ query: `mutation { deleteMeeting(id: "${NO_SUCH_ID}") { __typename } }` })],
    ["GET with variables that are not JSON", get({ query: "query ($a: Int) { countries(first: $a) { totalCount } }", variables: "{a:1" })],
    ["GET with extensions that are not JSON", get({ query: "{ __typename }", extensions: "[" })],
    ["GET with invalid GraphQL", get({ query: "{ __typename" })],
    ["POST asking for XML only", typed("application/json", body, { accept: "application/xml" })],
  ]);
}

function invalidSyntax(): AbuseCase[] {
  const documents = [
    "{",
    "}",
    "{ }",
    "query",
    "query {",
    "mutation",
    "subscription {",
    "{ __typename",
    "{ meetings( }",
    "{ meetings(first: ) { totalCount } }",
    "{ meetings(first 1) { totalCount } }",
    "{ meetings(first: 1.2.3) { totalCount } }",
    "{ meetings(first: 0x10) { totalCount } }",
    "{ a: }",
    "{ a: b: c }",
    "{ __typename @ }",
    "{ __typename @include( }",
    "{ ... }",
    "{ ...on }",
    "fragment on Query { __typename }",
    "fragment F { __typename }",
    "query ($: Int) { __typename }",
    "query ($a Int) { __typename }",
    "query ($a: ) { __typename }",
    "query ($a: [Int) { __typename }",
    `{ countryByCode(code: "LB) { name } }`,
    `{ countryByCode(code: """LB) { name } }`,
    `{ countryByCode(code: "\\u12") { name } }`,
    "{ meetings { totalCount } } }",
    "{ __typename } garbage",
    "SELECT * FROM meeting",
    "<script>alert(1)</script>",
    "💥 { __typename }",
    "{ __typename \u0000 }",
    "{ __typename \u0007 }",
    "# only a comment",
    "{ " + "x".repeat(50_000) + "( }",
    "query Q { __typename } query Q",
    "{ __typename(: 1) }",
    "[[[[[[]]]]]]",
  ];
  return cases("invalid GraphQL syntax", documents.map((document) => [JSON.stringify(document).slice(0, 60), gql(document)]));
}

function unknownFieldsAndTypes(): AbuseCase[] {
  const documents = [
    "{ meetingz { totalCount } }",
    "{ nope }",
    "{ __nope }",
    "{ __schema { nope } }",
    "{ meetings { nope } }",
    "{ meetings { edges { node { nope } } } }",
    `{ meetingBySlug(slug: ${NAQURA}) { delegations { edges { node { country { nope } } } } } }`,
    "{ meetings(nope: 1) { totalCount } }",
    "{ meetings(filter: { nope: 1 }) { totalCount } }",
    `{ meetingBySlug(slug: ${NAQURA}, extra: true) { title } }`,
    "{ meetings { totalCount { value } } }",
    "{ meetings }",
    "{ meetingBySlug }",
    "{ ... on Nope { __typename } }",
    "{ ... on String { __typename } }",
    "{ ...F } fragment F on Nope { __typename }",
    "{ ...Missing }",
    "{ __typename } fragment Unused on Query { __typename }",
    "query ($a: Nope) { __typename }",
    "query ($a: Meeting) { __typename }",
    "query ($a: Int) { __typename }",
    "{ countries(first: $undefined) { totalCount } }",
    "{ __typename @nope }",
    "{ __typename @deprecated }",
    "{ __typename @include }",
    "{ __typename @include(if: true) @include(if: false) }",
    "subscription { meetings { totalCount } }",
    "mutation { nope }",
    "mutation { createNothing(input: {}) { id } }",
    "{ __typename } { __typename }",
    "query A { __typename } query A { __typename }",
    "query A { __typename } query B { __typename }",
    "{ meeting: meetings { totalCount } meeting: countries { totalCount } }",
    `{ countryByCode(code: "LB") { name } countryByCode(code: "IL") { name } }`,
    "{ _entities(representations: [{ __typename: \"Nope\", id: \"1\" }]) { __typename } }",
    "{ _entities { __typename } }",
    "{ _service { nope } }",
  ];
  return cases("unknown fields and types", documents.map((document) => [document.slice(0, 70), gql(document)]));
}

function wrongVariableTypes(): AbuseCase[] {
  const page = "query ($n: Int) { countries(first: $n) { totalCount } }";
  const id = "query ($id: ID!) { meeting(id: $id) { title } }";
  const filter = "query ($f: MeetingFilter) { meetings(filter: $f) { totalCount } }";
  const status = "query ($s: CeasefireStatus) { ceasefires(filter: { status: $s }) { totalCount } }";
  const entries: [string, RawRequest][] = [
    ...(["ten", 1.5, true, {}, [], [1], 2 ** 31, -(2 ** 31) - 1, 1e30, "1e3"] as unknown[]).map(
      (value): [string, RawRequest] => [`Int given ${JSON.stringify(value)}`, gql(page, { n: value })],
    ),
    ...([null, {}, [], true, 1.5, { id: "x" }] as unknown[]).map((value): [string, RawRequest] => [`ID! given ${JSON.stringify(value)}`, gql(id, { id: value })]),
    ["ID! missing", gql(id, {})],
    ["Date not a date", gql(filter, { f: { from: "not-a-date" } })],
    ["Date out of range", gql(filter, { f: { from: "2025-13-45" } })],
    ["Date a number", gql(filter, { f: { to: 20251203 } })],
    ["Date a datetime", gql(filter, { f: { to: "2025-12-03T10:00:00Z" } })],
    ["filter unknown field", gql(filter, { f: { nope: 1 } })],
    ["filter a string", gql(filter, { f: "countryCode:LB" })],
    ["filter a list", gql(filter, { f: [{ countryCode: "LB" }] })],
    ["filter field of the wrong type", gql(filter, { f: { countryCode: 7 } })],
    ["filter field an object", gql(filter, { f: { countryCode: { eq: "LB" } } })],
    ["filter after its end", gql(filter, { f: { from: "2025-12-31", to: "2025-01-01" } })],
    ["enum unknown", gql(status, { s: "ONGOING" })],
    ["enum lower case", gql(status, { s: "in_force" })],
    ["enum a number", gql(status, { s: 1 })],
    ["Boolean given a string", gql("query ($b: Boolean!) { __typename @include(if: $b) }", { b: "yes" })],
    ["Boolean missing", gql("query ($b: Boolean!) { __typename @include(if: $b) }")],
    ["variable used where another type is expected", gql("query ($s: String) { countries(first: $s) { totalCount } }", { s: "1" })],
    ["nullable variable in a non-null position", gql("query ($id: ID) { meeting(id: $id) { title } }", { id: NO_SUCH_ID })],
  ];
  return cases("wrong variable types", entries);
}

function hugeStrings(): AbuseCase[] {
  const megabyte = "x".repeat(1_048_576);
  const large = "y".repeat(90_000);
  return cases("huge strings", [
    ["1 MB string variable", gql("query ($code: String!) { countryByCode(code: $code) { name } }", { code: megabyte })],
    ["1 MB query", gql(`{ countryByCode(code: "${megabyte}") { name } }`)],
    ["1 MB operation name", json(JSON.stringify({ query: "{ __typename }", operationName: megabyte }))],
    ["1 MB of variables", gql("{ __typename }", Object.fromEntries(range(50_000).map((i) => [`v${i}`, "abcdefghij"])))],
    ["1 MB of whitespace", gql(" ".repeat(1_048_576) + "{ __typename }")],
    ["90 KB string for an Int", gql("query ($n: Int) { countries(first: $n) { totalCount } }", { n: large })],
    ["90 KB field name", gql(`{ ${large} }`)],
    ["90 KB string literal for an Int", gql(`{ countries(first: "${large}") { totalCount } }`)],
    ["90 KB cursor", gql(`{ countries(after: "${large}") { totalCount } }`)],
    ["90 KB enum value", gql(`{ ceasefires(filter: { status: ${large.toUpperCase()} }) { totalCount } }`)],
    ["90 KB operation name not in the document", json(JSON.stringify({ query: "query A { __typename }", operationName: large }))],
    ["90 KB date", gql("query ($f: MeetingFilter) { meetings(filter: $f) { totalCount } }", { f: { from: large } })],
  ]);
}

function deepQueries(): AbuseCase[] {
  // Meeting → delegations → meeting → ...: four levels a turn.
  const cycle = (turns: number) =>
    `{ meetingBySlug(slug: ${NAQURA}) { ${"delegations(first: 1) { edges { node { meeting { ".repeat(turns)}id${" } } } }".repeat(turns)} } }`;
  const unknownNesting = (levels: number) => `{ ${"a { ".repeat(levels)}b${" }".repeat(levels)} }`;
  const fragmentChain = (length: number) =>
    `{ meetingBySlug(slug: ${NAQURA}) { ...F0 } } ` +
    range(length)
      .map((i) => `fragment F${i} on Meeting { delegations(first: 1) { edges { node { meeting { ${i + 1 < length ? `...F${i + 1}` : "id"} } } } } }`)
      .join(" ");
  return cases("deep nesting", [
    ...[4, 5, 10, 20, 50, 100].map((turns): [string, RawRequest] => [`${turns * 4 + 2} levels through relations`, gql(cycle(turns))]),
    ...[5, 10, 30].map((length): [string, RawRequest] => [`fragments chained ${length} deep`, gql(fragmentChain(length))]),
    ...[100, 500, 990].map((levels): [string, RawRequest] => [`${levels} levels of unknown fields`, gql(unknownNesting(levels))]),
    ["3,000 levels (past the token limit)", gql(unknownNesting(3_000))],
    ["a list literal 1,400 deep", gql(`{ countries(first: ${"[".repeat(1_400)}1${"]".repeat(1_400)}) { totalCount } }`)],
    ["an object literal 900 deep", gql(`{ meetings(filter: ${"{ a: ".repeat(900)}1${" }".repeat(900)}) { totalCount } }`)],
    [
      "variables nested 5,000 deep",
      json(`{"query":"query ($f: MeetingFilter) { meetings(filter: $f) { totalCount } }","variables":{"f":${`{"a":`.repeat(5_000)}1${"}".repeat(5_000)}}}`),
    ],
    ["introspection nested past its depth", gql("{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }")],
  ]);
}

function wideQueries(): AbuseCase[] {
  return cases("wide queries", [
    ["3,500 fields", gql(`{ ${"__typename ".repeat(3_500)}}`)],
    ["30,000 fields", gql(`{ ${"__typename ".repeat(30_000)}}`)],
    ["3,001 tokens of arguments", gql(`{ countries(first: ${"[".repeat(1_500)}1${"]".repeat(1_500)}) { totalCount } }`)],
    ["400 fragments", gql(`{ ${times(400, (i) => `...F${i}`)} } ${times(400, (i) => `fragment F${i} on Query { __typename }`)}`)],
    ["500 operations without a name to pick", gql(times(500, (i) => `query Q${i} { __typename }`))],
    ["1,000 unused variables", gql(`query (${times(1_000, (i) => `$v${i}: Int`)}) { __typename }`)],
    ["ten heavy lists side by side", gql(`{ ${times(10, (i) => `m${i}: meetings(first: 100) { edges { node { delegations(first: 100) { edges { node { members(first: 100) { edges { node { id } } } } } } } } }`)} }`)],
    ["every root list at 100, nested", gql(`{ ${["meetings", "people", "countries", "ceasefires", "organizations"].map((list) => `${list}(first: 100) { edges { node { __typename sources(first: 100) { edges { node { facts(first: 100) { edges { node { __typename } } } } } } } } }`).join(" ")} }`)],
  ]);
}

function aliasBombs(): AbuseCase[] {
  const bomb = (count: number, field = "__typename") => gql(`{ ${times(count, (i) => `a${i}: ${field}`)} }`);
  const doubling = (levels: number) =>
    `{ ...F${levels} } fragment F0 on Query { a: __typename } ` +
    range(levels)
      .map((i) => `fragment F${i + 1} on Query { ...F${i} b${i}: __typename ...F${i} }`)
      .join(" ");
  return cases("alias bombs", [
    ...[31, 50, 100, 500, 999].map((count): [string, RawRequest] => [`${count} aliases`, bomb(count)]),
    ["40 aliased heavy lists", bomb(40, "meetings(first: 100) { edges { node { id } } }")],
    ["31 aliased entity lookups", bomb(31, `meetingBySlug(slug: ${NAQURA}) { title }`)],
    ["aliases nested in a connection", gql(`{ meetings { edges { node { ${times(40, (i) => `t${i}: title`)} } } } }`)],
    ["aliases doubling through 20 fragments", gql(doubling(20))],
    ["aliases doubling through 60 fragments", gql(doubling(60))],
    ["one fragment of 20 aliases spread twice", gql(`{ ...A ... on Query { ...A } } fragment A on Query { ${times(20, (i) => `a${i}: __typename`)} }`)],
    ["aliases with conflicting arguments", gql(`{ ${times(31, (i) => `c: countryByCode(code: "C${i}") { name }`)} }`)],
  ]);
}

function directiveFloods(): AbuseCase[] {
  const flood = (count: number, directive = "@include(if: true)") => gql(`{ ${times(count, () => `__typename ${directive}`)} }`);
  return cases("directive floods", [
    ...[21, 100, 400].map((count): [string, RawRequest] => [`${count} @include`, flood(count)]),
    ["21 @skip(if: false)", flood(21, "@skip(if: false)")],
    ["30 directives on one field", gql(`{ __typename ${"@skip(if: false) ".repeat(30)}}`)],
    ["50 unknown directives", flood(50, "@nope")],
    ["directives from variables, 25", gql(`query ($y: Boolean = true) { ${times(25, () => "__typename @include(if: $y)")} }`)],
    ["directives of the wrong argument type", flood(5, `@include(if: "yes")`)],
    ["a directive where it may not go", gql("query @include(if: true) { __typename }")],
    ["directives in fragments spread 3 times", gql(`{ ...D ... { ...D } ... { ...D } } fragment D on Query { ${times(8, () => "__typename @include(if: true)")} }`)],
  ]);
}

function fragmentCycles(): AbuseCase[] {
  const ring = (length: number) =>
    `{ ...F0 } ${range(length).map((i) => `fragment F${i} on Query { __typename ...F${(i + 1) % length} }`).join(" ")}`;
  return cases("fragment cycles", [
    ["a fragment that spreads itself", gql("{ ...A } fragment A on Query { ...A }")],
    ["two fragments spreading each other", gql("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }")],
    ...[3, 10, 100].map((length): [string, RawRequest] => [`a ring of ${length}`, gql(ring(length))]),
    ["a cycle through inline fragments", gql("{ ...A } fragment A on Query { ... on Query { ... { ...A } } }")],
    ["a cycle through fields", gql(`{ meetingBySlug(slug: ${NAQURA}) { ...M } } fragment M on Meeting { delegations { edges { node { meeting { ...M } } } } }`)],
    ["a cycle never spread", gql("{ __typename } fragment A on Query { ...B } fragment B on Query { ...A }")],
    ["a cycle in a mutation", gql("mutation { ...A } fragment A on Mutation { ...A }")],
    ["two fragments of one name", gql("{ ...A } fragment A on Query { __typename } fragment A on Query { __typename }")],
    ["a fragment on a scalar", gql("{ ...A } fragment A on String { length }")],
    ["a spread where its type cannot be", gql(`{ meetingBySlug(slug: ${NAQURA}) { ...C } } fragment C on Country { code }`)],
  ]);
}

function hugePageSizes(): AbuseCase[] {
  const lists = ["meetings", "people", "countries", "articles", "ceasefires", "organizations"];
  const nested = (first: number) =>
    `{ meetings(first: ${first}) { edges { node { delegations(first: ${first}) { edges { node { members(first: ${first}) { edges { node { person { name } } } } } } } } } } }`;
  return cases("huge page sizes", [
    ...lists.map((list): [string, RawRequest] => [`${list}(first: 101)`, gql(`{ ${list}(first: 101) { totalCount } }`)]),
    ...lists.map((list): [string, RawRequest] => [`${list}(last: 2147483647)`, gql(`{ ${list}(last: 2147483647) { totalCount } }`)]),
    ["first: 1000", gql("{ meetings(first: 1000) { edges { node { id } } } }")],
    ["first: -1", gql("{ meetings(first: -1) { totalCount } }")],
    ["last: -5", gql("{ people(last: -5) { totalCount } }")],
    ["first and last", gql("{ people(first: 1, last: 1) { totalCount } }")],
    ["first: 2147483648 (not an Int)", gql("{ meetings(first: 2147483648) { totalCount } }")],
    ["first: 1e10 in a variable", gql("query ($n: Int) { meetings(first: $n) { totalCount } }", { n: 1e10 })],
    ["first: 100000 in a variable", gql("query ($n: Int) { meetings(first: $n) { edges { node { id } } } }", { n: 100_000 })],
    ["first: 100 nested three deep", gql(nested(100))],
    ["first: 70 nested three deep", gql(nested(70))],
    ["a relation's first: 101", gql(`{ meetingBySlug(slug: ${NAQURA}) { delegations(first: 101) { totalCount } } }`)],
    ["a relation's last: -1", gql(`{ meetingBySlug(slug: ${NAQURA}) { delegations(last: -1) { totalCount } } }`)],
  ]);
}

function invalidCursors(): AbuseCase[] {
  const cursors = [
    "garbage",
    "",
    "====",
    "💥",
    base64url({}),
    base64url("null"),
    base64url([1, 2]),
    base64url(["2025-12-03", "not-a-uuid"]),
    base64url(["not a date", NO_SUCH_ID]),
    base64url([{ $gt: "" }, NO_SUCH_ID]),
    base64url(["x".repeat(5_000), NO_SUCH_ID]),
    "A".repeat(10_000),
  ];
  return cases("invalid cursors", [
    ...cursors.map((cursor): [string, RawRequest] => [`meetings after ${JSON.stringify(cursor.slice(0, 30))}`, gql("query ($c: String) { meetings(first: 1, after: $c) { totalCount } }", { c: cursor })]),
    ...cursors.slice(0, 6).map((cursor): [string, RawRequest] => [`people before ${JSON.stringify(cursor.slice(0, 30))}`, gql("query ($c: String) { people(last: 1, before: $c) { totalCount } }", { c: cursor })]),
    ["a relation's after", gql(`{ meetingBySlug(slug: ${NAQURA}) { delegations(after: "garbage") { totalCount } } }`)],
    ["a cursor that is a number", gql("{ meetings(after: 5) { totalCount } }")],
  ]);
}

function invalidIds(): AbuseCase[] {
  const byId = "query ($id: ID!) { meeting(id: $id) { title } }";
  return cases("invalid ids", [
    ["id: null", gql("{ meeting(id: null) { title } }")],
    ["id missing", gql("{ meeting { title } }")],
    ["id: 1.5", gql("{ meeting(id: 1.5) { title } }")],
    ["id: true", gql("{ person(id: true) { name } }")],
    ["id: an object", gql(`{ country(id: { id: "x" }) { name } }`)],
    ["id: an enum value", gql("{ article(id: ACTIVE) { title } }")],
    ["id: a variable of the wrong type", gql("query ($id: String!) { meeting(id: $id) { title } }", { id: NO_SUCH_ID })],
    ["id variable: an object", gql(byId, { id: { $ne: null } })],
    ["id variable: a list", gql(byId, { id: [NO_SUCH_ID] })],
    ["id variable: a boolean", gql(byId, { id: false })],
    ["id variable: a float", gql(byId, { id: 0.5 })],
    ["filter id: a float", gql("{ meetings(filter: { personId: 1.5 }) { totalCount } }")],
    ["filter id: an object", gql("{ meetings(filter: { placeId: {} }) { totalCount } }")],
    ["entity without __typename", gql(`{ _entities(representations: [{ id: "${NO_SUCH_ID}" }]) { __typename } }`)],
    ["entity with a numeric id", gql(`{ _entities(representations: [{ __typename: "Meeting", id: 5 }]) { __typename } }`)],
    ["entity with a null id", gql(`{ _entities(representations: [{ __typename: "Meeting", id: null }]) { __typename } }`)],
    ["entity without a key", gql(`{ _entities(representations: [{ __typename: "Meeting" }]) { __typename } }`)],
    ["entity of an unknown type", gql(`{ _entities(representations: [{ __typename: "Secret", id: "${NO_SUCH_ID}" }]) { __typename } }`)],
    ["entity that is a string", gql(`{ _entities(representations: ["Meeting"]) { __typename } }`)],
    ["entity that is null", gql("query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }", { r: [null] })],
  ]);
}

/** Not errors, but must be answered cleanly and change nothing: values are parameters, never SQL. */
function injectionAttempts(): AbuseCase[] {
  const strings = ["' OR '1'='1", "'; DROP TABLE meeting; --", "\\'; DELETE FROM person; --", "%", "_", "\u0000", "$1", "); TRUNCATE country; --"];
  return cases(
    "injection attempts (answered, changing nothing)",
    strings.flatMap((text): [string, RawRequest][] => [
      [`person search ${JSON.stringify(text)}`, gql("query ($q: String) { people(filter: { name: $q }) { totalCount } }", { q: text })],
      [`meeting id ${JSON.stringify(text)}`, gql("query ($id: ID!) { meeting(id: $id) { title } }", { id: text })],
      [`country code ${JSON.stringify(text)}`, gql("query ($c: String!) { countryByCode(code: $c) { name } }", { c: text })],
    ]),
    "clean",
  );
}

async function badTokens(): Promise<AbuseCase[]> {
  const valid = await signToken();
  const [header, payload] = valid.split(".");
  const forge = (claims: object, alg = "HS256") => `${base64url({ alg, typ: "JWT" })}.${base64url(claims)}`;
  const now = Math.floor(Date.now() / 1000);
  const authorizations: [string, string][] = [
    ["garbage", "Bearer garbage"],
    ["scheme only", "Bearer"],
    ["scheme and a space", "Bearer "],
    ["Basic", "Basic dXNlcjpwYXNz"],
    ["another scheme", "Token abc.def.ghi"],
    ["two parts", "Bearer abc.def"],
    ["four parts", `Bearer ${valid}.extra`],
    ["dots only", "Bearer .."],
    ["two spaces", `Bearer  ${valid}`],
    ["two tokens", `Bearer ${valid}, Bearer ${valid}`],
    ["8 KB of token", `Bearer ${"A".repeat(8_000)}.${"B".repeat(10)}.${"C".repeat(10)}`],
    ["wrong secret", `Bearer ${await signToken({ secret: "another-secret-of-at-least-32-characters" })}`],
    ["expired", `Bearer ${await signToken({ expiresIn: -60 })}`],
    ["alg none", `Bearer ${forge({ sub: "mallory", roles: ["editor"], exp: now + 600 }, "none")}.`],
    ["tampered payload", `Bearer ${header}.${base64url({ sub: "mallory", roles: ["editor", "admin"], exp: now + 600 })}.${valid.split(".")[2]}`],
    ["signature of another token", `Bearer ${header}.${payload}.${(await signToken({ subject: "other" })).split(".")[2]}`],
    ["signature removed", `Bearer ${header}.${payload}.`],
    ["RS256 header on an HS256 signature", `Bearer ${forge({ sub: "mallory", exp: now + 600 }, "RS256")}.${valid.split(".")[2]}`],
    ["payload not JSON", `Bearer ${header}.${base64url("not json")}.${valid.split(".")[2]}`],
    ["header not JSON", `Bearer ${base64url("nope")}.${payload}.${valid.split(".")[2]}`],
  ];
  const queries: [string, string][] = [
    ["a read", "{ meetings(first: 1) { totalCount } }"],
    ["a mutation", `mutation { deleteMeeting(id: "${NO_SUCH_ID}") { __typename } }`],
  ];
  return cases(
    "forged, expired and garbage bearer tokens",
    authorizations.flatMap(([name, authorization]) =>
      queries.map(([kind, query]): [string, RawRequest] => [`${name} on ${kind}`, gql(query, undefined, { authorization })]),
    ),
  );
}

/**
 * Invalid mutation inputs, generated from whatever mutations the schema has when the test runs:
 * each mutation without arguments, with arguments of the wrong type (literals and variables),
 * with required fields missing and unknown fields added; and with a plausible input but no
 * token, a forged or expired one, or a valid one without the editor role. With no mutations at
 * all, calls of unknown mutations stand in.
 */
async function invalidMutationInputs(schema: GraphQLSchema): Promise<AbuseCase[]> {
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  const group = "invalid mutation inputs";
  if (mutations.length === 0) {
    return cases(group, range(20).map((i): [string, RawRequest] => [`unknown mutation ${i}`, gql(`mutation { unknownMutation${i}(input: { n: ${i} }) { id } }`)]));
  }
  const headers = {
    none: {},
    forged: { authorization: `Bearer ${await signToken({ secret: "not-the-servers-secret-but-32-chars-long" })}` },
    expired: { authorization: `Bearer ${await signToken({ expiresIn: -60 })}` },
    noRole: { authorization: `Bearer ${await signToken({ roles: [] })}` },
  };
  const editor = { authorization: `Bearer ${await signToken({ roles: ["editor"] })}` };
  const ids = await existingIds();
  const entries: [string, RawRequest][] = [];
  for (const mutation of mutations) {
    const selection = isCompositeType(getNamedType(mutation.type)) ? " { __typename }" : "";
    const args = mutation.args;
    const definitions = args.map((arg, i) => `$a${i}: ${String(arg.type)}`).join(", ");
    const call = (argumentText: string) => `mutation { ${mutation.name}${argumentText}${selection} }`;
    const withVariables = `mutation${definitions ? ` (${definitions})` : ""} { ${mutation.name}${args.length ? `(${args.map((arg, i) => `${arg.name}: $a${i}`).join(", ")})` : ""}${selection} }`;
    const variables = (values: unknown[]) => Object.fromEntries(values.map((value, i) => [`a${i}`, value]));
    const plausible = args.map((arg) => sample(arg.type, ids.get(entityOf(mutation)) ?? NO_SUCH_ID));
    const name = (what: string) => `${mutation.name}: ${what}`;

    entries.push([name("no arguments, no selection"), gql(`mutation { ${mutation.name} }`)]);
    if (args.length > 0) {
      entries.push([name("arguments of the wrong literal type"), gql(call(`(${args.map((arg) => `${arg.name}: ${wrongLiteral(arg.type)}`).join(", ")})`))]);
      entries.push([name("an unknown argument"), gql(call(`(${args.map((arg, i) => `${arg.name}: ${JSON.stringify(plausible[i]).replace(/"([A-Za-z_]\w*)":/g, "$1:")}`).join(", ")}, notAnArgument: 1)`))]);
      entries.push([name("variables of the wrong type, with a token"), gql(withVariables, variables(args.map((arg) => wrongValue(arg.type))), editor)]);
      entries.push([name("required variables null, with a token"), gql(withVariables, variables(args.map(() => null)), editor)]);
      const inputIndex = args.findIndex((arg) => isInputObjectType(getNamedType(arg.type)));
      if (inputIndex >= 0) {
        const withUnknown = plausible.map((value, i) => (i === inputIndex ? { ...(value as object), zzNotAField: 1 } : value));
        entries.push([name("an input field that does not exist, with a token"), gql(withVariables, variables(withUnknown), editor)]);
        const empty = plausible.map((value, i) => (i === inputIndex ? {} : value));
        if (hasRequiredFields(args[inputIndex].type)) entries.push([name("required input fields missing, with a token"), gql(withVariables, variables(empty), editor)]);
      }
    }
    for (const [kind, authorization] of Object.entries(headers)) {
      entries.push([name(`a plausible input, token: ${kind}`), gql(withVariables, variables(plausible), authorization)]);
    }
  }
  return cases(group, entries);
}

/** A value of `type` that looks right: required fields only, ids of existing rows. */
function sample(type: GraphQLInputType, id: string): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [sample(inner.ofType, id)];
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(fields.map((field) => [field.name, sample(field.type, id)]));
  }
  if (isEnumType(inner)) return inner.getValues()[0].value;
  const scalars: Record<string, unknown> = { Int: 1, Float: 1.5, Boolean: true, ID: id, Date: "2025-12-03", DateTimeISO: "2025-12-03T10:00:00.000Z" };
  return scalars[inner.name] ?? "abuse-test";
}

function wrongValue(type: GraphQLInputType): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return { not: "a list" };
  if (isInputObjectType(inner)) return "not an object";
  if (isEnumType(inner)) return "NOT_A_VALUE";
  return inner.name === "Int" || inner.name === "Float" ? "not a number" : { not: "a scalar" };
}

function wrongLiteral(type: GraphQLInputType): string {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isInputObjectType(inner) || isListType(inner)) return "12345";
  if (isEnumType(inner)) return `"${inner.getValues()[0].value}"`;
  return inner.name === "Int" || inner.name === "Float" || inner.name === "Boolean" ? `"text"` : "{ a: 1 }";
}

function hasRequiredFields(type: GraphQLInputType): boolean {
  const inner = getNamedType(type);
  return isInputObjectType(inner) && Object.values(inner.getFields()).some((field) => isNonNullType(field.type) && field.defaultValue === undefined);
}

/** `deleteDelegationMember` → "delegation_member": the table of the entity a mutation writes. */
function entityOf(mutation: GraphQLField<unknown, unknown>): string {
  const entity = mutation.name.replace(/^(create|update|delete|record)/, "");
  return entity.replace(/(?<!^)([A-Z])/g, "_$1").toLowerCase();
}

/** One existing row's id per table, so that unauthorised writes would hit real rows. */
async function existingIds(): Promise<Map<string, string>> {
  return server.database.withSession(async (session) => {
    const ids = new Map<string, string>();
    const tables = await session.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id'`,
    );
    for (const { name } of tables) {
      const [row] = await session.query<{ id: string }>(`SELECT id::text AS id FROM "${name}" ORDER BY id LIMIT 1`);
      if (row) ids.set(name, row.id);
    }
    return ids;
  });
}

// ---------------------------------------------------------------------------------------------
// Checking the answers

/** What is wrong with an answer, if anything. */
function problemsWith(answer: RawResponse, outcome: AbuseCase["outcome"]): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (answer.status < 400 && answer.status !== 200) problems.push(`status ${answer.status}`);
  if (!/^application\/(graphql-response\+)?json/.test(answer.contentType)) problems.push(`content type ${answer.contentType}`);
  if (/\n\s+at /.test(answer.text)) problems.push("a stack trace in the body");
  const body = answer.json as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | undefined;
  if (typeof body !== "object" || body === null) return [...problems, `a body that is not JSON: ${answer.text.slice(0, 120)}`];
  const errors = body.errors ?? [];
  if (outcome !== "clean" && errors.length === 0) problems.push(`no errors (status ${answer.status}): ${answer.text.slice(0, 120)}`);
  if (answer.status >= 400 && errors.length === 0) problems.push("a 4xx without errors");
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof error.message !== "string") problems.push("an error without a message");
    if (typeof code !== "string") problems.push(`an error without a code: ${String(error.message).slice(0, 120)}`);
    if (code === "INTERNAL_SERVER_ERROR") problems.push(`INTERNAL_SERVER_ERROR: ${String(error.message).slice(0, 120)}`);
    if (error.extensions && "stacktrace" in error.extensions) problems.push("extensions.stacktrace");
  }
  return problems;
}

async function healthy(): Promise<boolean> {
  const { status, json } = await rawRequest(server.url, {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  return status === 200 && JSON.stringify(json) === JSON.stringify({ data: { __typename: "Query" } });
}

async function runAll<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    range(concurrency).map(async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

test("hundreds of bad requests each get a clean error, the server stays up and the data is unchanged", async () => {
  const introspection = await server.graphql<IntrospectionQuery>(getIntrospectionQuery());
  const schema = buildClientSchema(introspection.body.data!);
  const all: AbuseCase[] = [
    ...malformedBodies(),
    ...contentTypesAndMethods(),
    ...invalidSyntax(),
    ...unknownFieldsAndTypes(),
    ...wrongVariableTypes(),
    ...hugeStrings(),
    ...deepQueries(),
    ...wideQueries(),
    ...aliasBombs(),
    ...directiveFloods(),
    ...fragmentCycles(),
    ...hugePageSizes(),
    ...invalidCursors(),
    ...invalidIds(),
    ...injectionAttempts(),
    ...(await badTokens()),
    ...(await invalidMutationInputs(schema)),
  ];
  expect(all.length).toBeGreaterThanOrEqual(300);
  expect(all.filter((one) => one.group === "invalid mutation inputs").length).toBeGreaterThanOrEqual(20);

  const failures: string[] = [];
  const codes = new Map<string, number>();
  await runAll(all, CONCURRENCY, async ({ group, name, request, outcome }) => {
    let problems: string[];
    try {
      const answer = await rawRequest(server.url, request);
      problems = problemsWith(answer, outcome);
      for (const error of (answer.json as { errors?: { extensions?: { code?: string } }[] } | undefined)?.errors ?? []) {
        const code = String(error.extensions?.code);
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    } catch (error) {
      problems = [`no answer: ${(error as Error).message}`];
    }
    if (!(await healthy())) problems.push("the server stopped answering afterwards");
    if (problems.length > 0) failures.push(`${group} / ${name}: ${problems.join("; ")}`);
  });

  expect(failures).toEqual([]);
  // Every limit had its turn.
  for (const code of ["QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "TOO_MANY_DIRECTIVES", "TOO_MANY_TOKENS", "QUERY_TOO_COSTLY", "PAYLOAD_TOO_LARGE"]) {
    expect([code, codes.get(code) ?? 0]).toEqual([code, expect.any(Number)]);
    expect(codes.get(code)).toBeGreaterThan(0);
  }
  expect(await snapshotTables(server.database)).toEqual(before);
});
