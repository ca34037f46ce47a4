// Every example in schema/examples.graphql (Playground's tabs) runs against the seeded database
// and gives the recorded answer (test/__snapshots__; `--ci` refuses to write missing ones).
import fs from "node:fs";
import path from "node:path";
import { tabsFromExamples } from "../src/server/playground/playground";
import { startTestServer, type TestServer } from "./support/test-server";

const tabs = tabsFromExamples(fs.readFileSync(path.join(__dirname, "..", "schema", "examples.graphql"), "utf8"));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

test("the examples file has the tabs Playground shows", () => {
  expect(tabs.map((tab) => tab.name)).toEqual([
    "Delegations at a meeting",
    "A person's meetings",
    "The ceasefire and its reported figures, with sources",
    "Search people by name",
    "Meetings in a date range",
    "Where does it come from?",
    "What was said, newest first",
    "Meetings per country",
    "Timeline",
    "Search everything",
  ]);
});

test.each(tabs.map((tab) => [tab.name, tab] as const))("example %s", async (_name, tab) => {
  const { status, body } = await server.graphql(tab.query, tab.variables);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(body.data).toMatchSnapshot();
});
