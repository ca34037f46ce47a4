// The timeline: dated events of every kind in one paginated list, filterable by dates, kinds,
// an entity taking part and a country concerned; one SQL statement per page. Over the seed and
// the four fixture articles, on either database (test-database.ts).
import { edges } from "./support/connections";
import { recordFixtureArticles } from "./support/fixture-articles";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await recordFixtureArticles(server, await bearer({ subject: "editor@example.org", roles: ["editor"] }));
});
afterAll(() => server?.stop());

const EVENT = `date kind subject { __typename ... on Meeting { slug } ... on Statement { slug } ... on Ceasefire { slug } ... on Plan { slug } }`;

async function timeline(args: string, selection = `totalCount edges { node { ${EVENT} } }`): Promise<unknown> {
  const { body } = await server.graphql(`{ timeline${args} { ${selection} } }`);
  expect(body.errors).toBeUndefined();
  expect(body.extensions?.sqlStatements).toBe(1);
  return (body.data as { timeline: unknown }).timeline;
}

const event = (date: string, kind: string, __typename: string, slug: string) => ({ date, kind, subject: { __typename, slug } });

const ALL = [
  event("2024-11-27", "CEASEFIRE_START", "Ceasefire", "israel-hezbollah-ceasefire-2024"),
  event("2025-11-26", "STATEMENT", "Statement", "netanyahu-strikes-until-disarmament"),
  event("2025-11-27", "STATEMENT", "Statement", "idf-ceasefire-anniversary-figures"),
  event("2025-12-03", "MEETING", "Meeting", "naqura-civilian-talks-2025-12-03"),
  event("2025-12-03", "STATEMENT", "Statement", "afp-source-first-civilian-talks"),
  event("2025-12-04", "STATEMENT", "Statement", "netanyahu-naqura-first-step"),
  event("2025-12-09", "STATEMENT", "Statement", "aoun-no-normalization"),
  event("2025-12-19", "MEETING", "Meeting", "naqura-civilian-talks-2025-12-19"),
  event("2025-12-31", "PLAN_DEADLINE", "Plan", "lebanese-army-hezbollah-disarmament-plan"),
];

test("every dated event in date order, kinds of one day in their order; undated facts have no place", async () => {
  expect(await timeline("")).toEqual({ totalCount: 9, ...edges(...ALL) });
});

test("between dates, of some kinds, involving an entity (by slug or id), concerning a country", async () => {
  expect(await timeline(`(filter: { from: "2025-12-01", to: "2025-12-10", kinds: [MEETING, STATEMENT] })`)).toEqual({
    totalCount: 4,
    ...edges(ALL[3], ALL[4], ALL[5], ALL[6]),
  });
  expect(await timeline(`(filter: { involving: "benjamin-netanyahu" })`)).toEqual({ totalCount: 2, ...edges(ALL[1], ALL[5]) });
  expect(await timeline(`(filter: { involving: "hezbollah" })`)).toEqual({ totalCount: 2, ...edges(ALL[0], ALL[8]) });
  const { body } = await server.graphql(`{ personBySlug(slug: "morgan-ortagus") { id } }`);
  const ortagus = (body.data as { personBySlug: { id: string } }).personBySlug.id;
  expect(await timeline(`(filter: { involving: "${ortagus}" })`)).toEqual({ totalCount: 2, ...edges(ALL[3], ALL[7]) });
  // Lebanon: a party to the ceasefire (a later article says so), at both Naqura meetings, its
  // president's statement, and its army's plan; not the undated statements of its government.
  expect(await timeline(`(filter: { countryCode: "lb" })`)).toEqual({ totalCount: 5, ...edges(ALL[0], ALL[3], ALL[6], ALL[7], ALL[8]) });
});

test("pages forward and backward with cursors, subjects read with what they select", async () => {
  const first = (await timeline(`(first: 3)`, `edges { cursor node { ${EVENT} } } pageInfo { hasNextPage hasPreviousPage endCursor }`)) as {
    edges: { cursor: string; node: unknown }[];
    pageInfo: { endCursor: string };
  };
  expect(first.edges.map((edge) => edge.node)).toEqual(ALL.slice(0, 3));
  expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, endCursor: first.edges[2].cursor });
  const next = (await timeline(`(first: 3, after: "${first.pageInfo.endCursor}")`, `edges { node { ${EVENT} } } pageInfo { hasNextPage hasPreviousPage }`)) as object;
  expect(next).toEqual({ ...edges(...ALL.slice(3, 6)), pageInfo: { hasNextPage: true, hasPreviousPage: true } });
  const last = await timeline(`(last: 2, before: "${first.edges[2].cursor}")`, `edges { node { ${EVENT} } } pageInfo { hasNextPage hasPreviousPage }`);
  expect(last).toEqual({ ...edges(...ALL.slice(0, 2)), pageInfo: { hasNextPage: true, hasPreviousPage: false } });
  expect(
    await timeline(
      `(first: 1, filter: { kinds: [MEETING] })`,
      `edges { node { subject { ... on Meeting { title place { name } delegations { totalCount edges { node { country { code } } } } } } } }`,
    ),
  ).toEqual(
    edges({
      subject: {
        title: "First direct civilian talks between Lebanon and Israel in decades",
        place: { name: "Naqura" },
        delegations: { totalCount: 3, ...edges({ country: { code: "IL" } }, { country: { code: "LB" } }, { country: { code: "US" } }) },
      },
    }),
  );
});

test("events counted by kind, month or year, with the timeline's filter; one statement each", async () => {
  const { body } = await server.graphql(`{
    byKind: timelineCounts(by: KIND) { key count }
    byMonth: timelineCounts(by: MONTH) { key label count }
    lebanonByYear: timelineCounts(by: YEAR, filter: { countryCode: "LB" }) { key count }
    netanyahu: timelineCounts(by: KIND, filter: { involving: "benjamin-netanyahu", to: "2025-11-30" }) { key count }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    byKind: [
      { key: "STATEMENT", count: 5 },
      { key: "MEETING", count: 2 },
      { key: "CEASEFIRE_START", count: 1 },
      { key: "PLAN_DEADLINE", count: 1 },
    ],
    byMonth: [
      { key: "2024-11", label: "2024-11", count: 1 },
      { key: "2025-11", label: "2025-11", count: 2 },
      { key: "2025-12", label: "2025-12", count: 6 },
    ],
    lebanonByYear: [
      { key: "2024", count: 1 },
      { key: "2025", count: 4 },
    ],
    netanyahu: [{ key: "STATEMENT", count: 1 }],
  });
  expect(body.extensions?.sqlStatements).toBe(4);
});

test.each([
  [`(filter: { kinds: [] })`, "`filter.kinds` needs at least one kind; leave it out for all.", "filter.kinds"],
  [`(filter: { involving: "Not a key" })`, "`filter.involving` is not a valid id, slug or ISO code.", "filter.involving"],
  [`(filter: { countryCode: "LBN" })`, "`filter.countryCode` is not a valid ISO code.", "filter.countryCode"],
  [`(filter: { from: "2025-12-10", to: "2025-12-01" })`, "`filter.from` must not be after `filter.to`.", "filter.from"],
  [`(after: "bm9wZQ")`, "`after` is not a valid cursor for this list.", "after"],
  [`(first: 101)`, "`first` must be at most 100; got 101.", "first"],
])("timeline%s is the client's mistake", async (args, message, field) => {
  const { body } = await server.graphql(`{ timeline${args} { totalCount } }`);
  expect(body).toEqual({ data: null, errors: [expect.objectContaining({ message, extensions: { code: "BAD_USER_INPUT", field } })], extensions: expect.anything() });
});
