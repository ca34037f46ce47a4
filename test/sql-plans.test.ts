// Plans you can see: the SQL each example (schema/examples.graphql) and each benchmark query
// (bench/queries.ts) sends is committed in test/__sql__/<operation>.sql, so a change in generated
// SQL shows in review, and the number of statements each costs is asserted as one value.
// Updating the files: docs/development.md.
import fs from "node:fs";
import path from "node:path";
import { generateDataSet, loadDataSet } from "../bench/generate";
import { type Fixtures, QUERIES, readFixtures } from "../bench/queries";
import { tabsFromExamples } from "../src/server/playground/playground";
import { expectSqlSnapshot, kebabCase, sqlSnapshotText } from "./support/sql-snapshots";
import { startTestServer, type TestServer } from "./support/test-server";

const tabs = tabsFromExamples(fs.readFileSync(path.join(__dirname, "..", "schema", "examples.graphql"), "utf8"));

/** Statements per operation (its snapshot file's name), filled in as each operation runs. */
const countsByOperation: Record<string, number> = {};

/** Runs an operation, checks its SQL against its snapshot and records how many statements it took. */
async function recordPlan(server: TestServer, name: string, query: string, variables?: Record<string, unknown>): Promise<void> {
  const { status, body } = await server.graphql(query, variables);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  const texts = body.extensions?.sqlStatementTexts ?? [];
  // Every counted statement has its text: none ran before recording started.
  expect(texts).toHaveLength(body.extensions?.sqlStatements ?? -1);
  countsByOperation[name] = texts.length;
  expectSqlSnapshot(name, sqlSnapshotText(texts));
}

describe("examples on the seeded database", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ server: { exposeSqlStatementText: true } });
  });
  afterAll(() => server?.stop());

  test.each(tabs.map((tab) => [tab.name, tab] as const))("example %s", async (name, tab) => {
    await recordPlan(server, kebabCase(name), tab.query, tab.variables);
  });
});

describe("benchmark queries on a generated data set", () => {
  let server: TestServer;
  let fixtures: Fixtures;
  beforeAll(async () => {
    server = await startTestServer({ seed: false, server: { exposeSqlStatementText: true } });
    // The scale test/bench-queries.test.ts uses.
    fixtures = await server.database.withSession(async (session) => {
      await loadDataSet(session, generateDataSet(0.005));
      await session.query("ANALYZE");
      return readFixtures(session);
    });
  });
  afterAll(() => server?.stop());

  test.each(QUERIES.map((query) => [query.key, query] as const))("%s", async (key, query) => {
    await recordPlan(server, kebabCase(key), query.graphql, query.variables(fixtures));
  });
});

test("each operation costs one statement", () => {
  expect(countsByOperation).toEqual({
    "delegations-at-a-meeting": 1,
    "a-person-s-meetings": 1,
    "the-ceasefire-and-its-reported-figures-with-sources": 1,
    "search-people-by-name": 1,
    "meetings-in-a-date-range": 1,
    "where-does-it-come-from": 1,
    "what-was-said-newest-first": 1,
    "meetings-per-country": 1,
    timeline: 1,
    "search-everything": 1,
    "q1-meeting": 1,
    "q2-meetings": 1,
    "q3-entities": 1,
    "q4-search": 1,
    "q5-ceasefires": 1,
  });
});
