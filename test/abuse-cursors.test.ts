// Tampered cursors: a cursor decodes to the ordering's value and the row's id; a value out of range
// for the ordering's column (a date PostgreSQL cannot hold, a NUL in a name, a number where a name
// is ordered...) is the client's error, BAD_USER_INPUT naming the argument, on every list: root
// lists read through Prisma or through the compiled SQL reads, and relation lists.
import { snapshotTables, type TableSnapshot } from "./support/database-snapshot";
import { startProductionServer } from "./support/production-server";
import { TEST_JWT_SECRET } from "./support/tokens";
import type { TestServer } from "./support/test-server";

let server: TestServer;
let before: TableSnapshot;
beforeAll(async () => {
  // Production mode; statement counts shown, as the assertions read them.
  server = await startProductionServer({ EXPOSE_SQL_STATEMENT_COUNT: "true", AUTH_JWT_SECRET: TEST_JWT_SECRET });
  before = await snapshotTables(server.database);
});
afterAll(async () => {
  if (server) expect(await snapshotTables(server.database)).toEqual(before);
  await server?.stop();
});

const ID = "00000000-0000-4000-8000-000000000000";
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A root list's first page after (or last page before) `c`, reading the nodes. */
const rootQuery = (list: string, argument: "after" | "before", orderBy?: string) =>
  `query ($c: String) { ${list}(${argument === "after" ? "first" : "last"}: 2, ${argument}: $c${orderBy ? `, orderBy: ${orderBy}` : ""}) { edges { cursor node { id } } } }`;

const refused = (query: string, list: string, argument: string) => ({
  status: 200,
  body: {
    data: null,
    errors: [
      {
        message: `\`${argument}\` is not a valid cursor for this list.`,
        locations: [{ line: 1, column: query.indexOf(`${list}(`) + 1 }],
        path: [list],
        extensions: { code: "BAD_USER_INPUT", field: argument },
      },
    ],
    extensions: { sqlStatements: 0 },
  },
});

const dateCursors: [string, unknown][] = [
  ["a date in year -271821", ["-271821-04-20T00:00:00.000Z", ID]],
  ["a date in year 275760", ["+275760-09-13T00:00:00.000Z", ID]],
  ["a date in year 0", ["0000-01-01T00:00:00.000Z", ID]],
  ["February 30", ["2025-02-30T00:00:00.000Z", ID]],
  ["a date without a time", ["2025-12-03", ID]],
  ["not a date", ["not a date", ID]],
  ["a number for a date", [1764720000000, ID]],
];
const textCursors: [string, unknown][] = [
  ["a NUL inside a name", ["Simon\u0000Karam", ID]],
  ["a lone surrogate", ["Simon \ud800", ID]],
  ["a number for a name", [42, ID]],
  ["a boolean for a name", [true, ID]],
  ["null for a name (never empty)", [null, ID]],
];
const shapeCursors: [string, unknown][] = [
  ["an object value", [{ gt: "" }, ID]],
  ["an array value", [["a"], ID]],
  ["one element", [ID]],
  ["three elements", ["Simon Karam", ID, ID]],
  ["an id that is not a UUID", ["Simon Karam", "not-a-uuid"]],
  ["a numeric id", ["Simon Karam", 7]],
  ["an object", { value: "Simon Karam", id: ID }],
];

describe("root lists read by the compiled SQL reads (meetings, people)", () => {
  test.each([
    ...dateCursors.map(([name, value]): [string, string, string, unknown] => [`meetings by date: ${name}`, "meetings", "", value]),
    ...textCursors.map(([name, value]): [string, string, string, unknown] => [`meetings by title: ${name}`, "meetings", "{ field: TITLE }", value]),
    ...textCursors.map(([name, value]): [string, string, string, unknown] => [`people by name: ${name}`, "people", "", value]),
    ...shapeCursors.map(([name, value]): [string, string, string, unknown] => [`people: ${name}`, "people", "", value]),
  ])("%s", async (_case, list, orderBy, value) => {
    for (const argument of ["after", "before"] as const) {
      const query = rootQuery(list, argument, orderBy || undefined);
      expect(await server.graphql(query, { c: cursor(value) })).toEqual(refused(query, list, argument));
    }
  });
});

describe("root lists read through Prisma", () => {
  test.each([
    ...dateCursors.map(([name, value]): [string, string, unknown] => [`articles (by date, never empty): ${name}`, "articles", value]),
    ["articles: null for a date that is never empty", "articles", [null, ID]],
    ...dateCursors.map(([name, value]): [string, string, unknown] => [`statements (by date): ${name}`, "statements", value]),
    ...dateCursors.map(([name, value]): [string, string, unknown] => [`plans (by deadline): ${name}`, "plans", value]),
    ...textCursors.map(([name, value]): [string, string, unknown] => [`countries (by code): ${name}`, "countries", value]),
    ...textCursors.map(([name, value]): [string, string, unknown] => [`places (by name): ${name}`, "places", value]),
    ...textCursors.map(([name, value]): [string, string, unknown] => [`organizations (by name): ${name}`, "organizations", value]),
    ...shapeCursors.map(([name, value]): [string, string, unknown] => [`countries: ${name}`, "countries", value]),
  ])("%s", async (_case, list, value) => {
    for (const argument of ["after", "before"] as const) {
      const query = rootQuery(list, argument);
      expect(await server.graphql(query, { c: cursor(value) })).toEqual(refused(query, list, argument));
    }
  });

  test("ceasefires by start date (nullable) and by name", async () => {
    for (const [orderBy, value] of [
      ["{ field: START_DATE }", ["0000-01-01T00:00:00.000Z", ID]],
      ["{ field: NAME }", ["a\u0000", ID]],
      ["{ field: NAME }", [null, ID]],
    ] as const) {
      const query = rootQuery("ceasefires", "after", orderBy);
      expect(await server.graphql(query, { c: cursor(value) })).toEqual(refused(query, "ceasefires", "after"));
    }
  });
});

test("the cursors the server gives still page, dated and undated alike", async () => {
  const query = `query ($c: String) { meetings(first: 1, after: $c) { edges { cursor node { title } } pageInfo { hasNextPage } } }`;
  const titles: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const response: { status: number; body: { data?: unknown } } = await server.graphql(query, { c: after });
    const { meetings } = response.body.data as { meetings: { edges: { cursor: string; node: { title: string } }[]; pageInfo: { hasNextPage: boolean } } };
    titles.push(...meetings.edges.map((edge) => edge.node.title));
    if (!meetings.pageInfo.hasNextPage) break;
    after = meetings.edges[0].cursor;
  }
  const all = (await server.graphql(`{ meetings(first: 100) { edges { node { title } } } }`)).body.data as { meetings: { edges: { node: { title: string } }[] } };
  expect(titles).toEqual(all.meetings.edges.map((edge) => edge.node.title));
});

describe("relation lists (paged in memory)", () => {
  const NESTED = `query ($c: String) { meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { delegations(first: 1, after: $c) { edges { node { id } } } } }`;
  test.each([
    ["a NUL inside the id", Buffer.from(`item:${ID.slice(0, 8)}\u0000`).toString("base64url")],
    ["an id that is not a UUID", Buffer.from("item:not-a-uuid").toString("base64url")],
    ["a root list's cursor", cursor(["2025-12-03T00:00:00.000Z", ID])],
    ["a date in year -271821", cursor(["-271821-04-20T00:00:00.000Z", ID])],
    ["an id of no row in the list", Buffer.from(`item:${ID}`).toString("base64url")],
  ])("%s", async (_case, c) => {
    expect(await server.graphql(NESTED, { c })).toEqual({
      status: 200,
      body: {
        data: { meetingBySlug: null },
        errors: [
          {
            message: "`after` is not a cursor of this list.",
            locations: [{ line: 1, column: NESTED.indexOf("delegations(") + 1 }],
            path: ["meetingBySlug", "delegations"],
            extensions: { code: "BAD_USER_INPUT", field: "after" },
          },
        ],
        extensions: { sqlStatements: 1 }, // the meeting with its delegations, read ahead
      },
    });
  });
});
