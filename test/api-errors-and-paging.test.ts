// Lists page with opaque cursors both ways; bad input gets a clear error with a code.
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

type PeoplePage = {
  people: {
    totalCount: number;
    edges: { cursor: string; node: { name: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};
const PEOPLE = `query ($first: Int, $after: String, $last: Int, $before: String) {
  people(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const ALL_NAMES = [
  "Acting director of Israel's National Security Council",
  "Benjamin Netanyahu",
  "Gideon Saar",
  "Israeli civilian representative at the Naqura talks",
  "Joseph Aoun",
  "Morgan Ortagus",
  "Simon Karam",
  "Source close to the negotiations",
];

async function page(variables: Record<string, unknown>) {
  const { body } = await server.graphql<PeoplePage>(PEOPLE, variables);
  expect(body.errors).toBeUndefined();
  return body.data!.people;
}

test("paging forward with first/after visits every person once, in name order", async () => {
  const names: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result: PeoplePage["people"] = await page({ first: 3, after });
    expect(result.totalCount).toBe(8);
    names.push(...result.edges.map((e) => e.node.name));
    if (!result.pageInfo.hasNextPage) break;
    after = result.pageInfo.endCursor;
  }
  expect(names).toEqual(ALL_NAMES);
});

test("paging backward with last/before returns the same order from the end", async () => {
  const lastThree = await page({ last: 3 });
  expect(lastThree.edges.map((e) => e.node.name)).toEqual(ALL_NAMES.slice(5));
  expect(lastThree.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  const before = await page({ last: 3, before: lastThree.pageInfo.startCursor });
  expect(before.edges.map((e) => e.node.name)).toEqual(ALL_NAMES.slice(2, 5));
});

test("undated meetings come after dated ones, and cursors carry across them", async () => {
  const query = `query ($after: String) { meetings(first: 1, after: $after) {
    edges { node { slug date } } pageInfo { hasNextPage endCursor } } }`;
  const first = await server.graphql<{ meetings: { edges: unknown[]; pageInfo: { endCursor: string } } }>(query);
  expect(first.body.data!.meetings.edges).toEqual([{ node: { slug: "naqura-civilian-talks-2025-12-03", date: "2025-12-03" } }]);
  const second = await server.graphql(query, { after: first.body.data!.meetings.pageInfo.endCursor });
  expect(second.body.data).toEqual({
    meetings: {
      edges: [{ node: { slug: "ortagus-jerusalem-visit-2025", date: null } }],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    },
  });
});

test.each([
  [{ first: 101 }, "`first` must be at most 100; got 101.", "first"],
  [{ last: -1 }, "`last` must not be negative.", "last"],
  [{ first: 2, last: 2 }, "Pass either `first` or `last`, not both.", "first"],
  [{ after: "not-a-cursor" }, "`after` is not a valid cursor for this list.", "after"],
  [{ before: Buffer.from('["x","y"]').toString("base64url") }, "`before` is not a valid cursor for this list.", "before"],
])("page arguments %j are refused with BAD_USER_INPUT", async (variables, message, field) => {
  const { status, body } = await server.graphql(PEOPLE, variables);
  expect(status).toBe(200);
  expect(body).toEqual({
    data: null,
    errors: [
      {
        message,
        locations: [{ line: 2, column: 3 }],
        path: ["people"],
        extensions: { code: "BAD_USER_INPUT", field },
      },
    ],
    extensions: { sqlStatements: 0 },
  });
});

test("a date range that ends before it starts is refused", async () => {
  const { body } = await server.graphql(`{ meetings(filter: { from: "2025-12-31", to: "2025-01-01" }) { totalCount } }`);
  expect(body.errors).toEqual([
    expect.objectContaining({
      message: "`filter.from` must not be after `filter.to`.",
      extensions: { code: "BAD_USER_INPUT", field: "filter.from" },
    }),
  ]);
});

test("an impossible date is a BAD_USER_INPUT error, not a server error", async () => {
  const { status, body } = await server.graphql(`query ($from: Date) { meetings(filter: { from: $from }) { totalCount } }`, {
    from: "2025-02-30",
  });
  expect(status).toBe(200);
  expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" } })]);
});

test("ids that are not ours (even malformed ones) find nothing rather than fail", async () => {
  const { body } = await server.graphql(`{
    a: meeting(id: "00000000-0000-4000-8000-000000000000") { id }
    b: meeting(id: "'; DROP TABLE meeting; --") { id }
    c: countryByCode(code: "ZZ") { id }
  }`);
  expect(body).toEqual({ data: { a: null, b: null, c: null }, extensions: { sqlStatements: 2 } });
});

test("unknown fields fail validation with a code and no stack trace", async () => {
  const { status, body } = await server.graphql(`{ meetings { edges { node { secret } } } }`);
  expect(status).toBe(200);
  expect(body).toEqual({
    errors: [
      {
        message: 'Cannot query field "secret" on type "Meeting".',
        locations: [{ line: 1, column: 29 }],
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      },
    ],
    extensions: { sqlStatements: 0 },
  });
});
