// The benchmark's queries (bench/queries.ts) on a small generated data set: the server and the
// bench's hand-written reference SQL give the same data (so the bench compares like with like),
// and the server answers queries 1–3 with one SQL statement whatever the page size.
// Timing belongs to `npm run bench`, never to tests.
import { generateDataSet, loadDataSet } from "../bench/generate";
import { type Fixtures, QUERIES, readFixtures } from "../bench/queries";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let fixtures: Fixtures;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  fixtures = await server.database.withSession(async (session) => {
    await loadDataSet(session, generateDataSet(0.005));
    await session.query("ANALYZE");
    return readFixtures(session);
  });
});
afterAll(() => server?.stop());

/** The reference statement's answer: the response body PostgreSQL builds, as JSON text. */
async function reference(sql: string, params: unknown[]): Promise<{ data: unknown }> {
  const rows = await server.database.withSession((session) => session.query<Record<string, string>>(sql, params));
  return JSON.parse(Object.values(rows[0])[0]) as { data: unknown };
}

test.each(QUERIES.map((query) => [query.key, query] as const))("%s: the server and the reference SQL agree", async (_key, query) => {
  const variables = query.variables(fixtures);
  const { body } = await server.graphql(query.graphql, variables);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual((await reference(query.sql, query.params(variables))).data);
});

test("the data set gives the queries something to answer", async () => {
  const { body } = await server.graphql<{ meeting: { delegations: { totalCount: number } } }>(QUERIES[0].graphql, {
    id: fixtures.meetingId,
  });
  expect(body.data!.meeting.delegations.totalCount).toBe(3);
  expect(fixtures.entityIds.every(Boolean)).toBe(true);
});

test("queries 1-3 cost one SQL statement each, whatever the page size", async () => {
  const [meeting, meetings, entities] = QUERIES;
  const statements = async (query: string, variables: Record<string, unknown>) =>
    (await server.graphql(query, variables)).body.extensions!.sqlStatements;
  expect(await statements(meeting.graphql, meeting.variables(fixtures))).toBe(1);
  expect(await statements(meetings.graphql, { first: 2 })).toBe(1);
  expect(await statements(meetings.graphql, { first: 20 })).toBe(1);
  expect(await statements(entities.graphql, entities.variables({ ...fixtures, entityIds: fixtures.entityIds.slice(0, 2) }))).toBe(1);
  expect(await statements(entities.graphql, entities.variables(fixtures))).toBe(1);
});
