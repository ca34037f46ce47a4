// Counts for analysts: how many meetings, statements, articles and ceasefires fall in each group
// (month, year, country, speaker, publisher...), with the lists' own filters, each in one SQL
// statement. Over the seed and the four fixture articles, on either database (test-database.ts).
import { recordFixtureArticles } from "./support/fixture-articles";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await recordFixtureArticles(server, await bearer({ subject: "editor@example.org", roles: ["editor"] }));
});
afterAll(() => server?.stop());

/** The answer's data; each root field of these queries costs one statement. */
async function counts(query: string): Promise<unknown> {
  const { body } = await server.graphql(query);
  expect(body.errors).toBeUndefined();
  expect(body.extensions?.sqlStatements).toBe(Object.keys(body.data ?? {}).length);
  return body.data;
}

const group = (key: string | null, label: string | null, count: number) => ({ key, label, count });

test("meetings per country taking part, per month, per host, and within a filter", async () => {
  expect(
    await counts(`{
      byCountry: meetingCounts(by: COUNTRY) { key label count }
      byMonth: meetingCounts(by: MONTH) { key label count }
      byYear: meetingCounts(by: YEAR) { key count }
      byHost: meetingCounts(by: HOST) { key label count }
      lateDecember: meetingCounts(by: COUNTRY, filter: { from: "2025-12-10" }) { key label count }
      withOrtagus: meetingCounts(by: MEDIATING_COUNTRY, filter: { personId: "morgan-ortagus" }) { key label count }
    }`),
  ).toEqual({
    byCountry: [group("IL", "Israel", 3), group("US", "United States", 3), group("LB", "Lebanon", 2)],
    byMonth: [group("2025-12", "2025-12", 2), group(null, null, 1)],
    byYear: [{ key: "2025", count: 2 }, { key: null, count: 1 }],
    byHost: [group("unifil", "United Nations Interim Force in Lebanon", 2), group(null, null, 1)],
    lateDecember: [group("IL", "Israel", 1), group("LB", "Lebanon", 1), group("US", "United States", 1)],
    withOrtagus: [group("US", "United States", 2), group(null, null, 1)],
  });
});

test("statements per speaker and per month; articles per publisher and month", async () => {
  expect(
    await counts(`{
      bySpeaker: statementCounts(by: SPEAKER_PERSON) { key label count }
      byMonth: statementCounts(by: MONTH) { key count }
      netanyahuByMonth: statementCounts(by: MONTH, filter: { speakerPersonId: "benjamin-netanyahu" }) { key count }
      byPublisher: articleCounts(by: PUBLISHER) { key label count }
      articlesByMonth: articleCounts(by: MONTH, filter: { from: "2025-11-01" }) { key count }
    }`),
  ).toEqual({
    bySpeaker: [
      group("benjamin-netanyahu", "Benjamin Netanyahu", 5),
      group("joseph-aoun", "Joseph Aoun", 2),
      group("gideon-saar", "Gideon Saar", 1),
      group("source-close-to-naqura-negotiations", "Source close to the negotiations", 1),
      group(null, null, 5),
    ],
    byMonth: [{ key: "2025-11", count: 2 }, { key: "2025-12", count: 3 }, { key: null, count: 9 }],
    netanyahuByMonth: [{ key: "2025-11", count: 1 }, { key: "2025-12", count: 1 }, { key: null, count: 3 }],
    byPublisher: [
      group("Example Wire", "Example Wire", 2),
      group("AFP", "AFP", 1),
      group("Example Daily", "Example Daily", 1),
      group("Example Levant Review", "Example Levant Review", 1),
    ],
    articlesByMonth: [{ key: "2025-11", count: 1 }, { key: "2025-12", count: 4 }],
  });
});

test("ceasefires per status and per party", async () => {
  expect(
    await counts(`{
      byStatus: ceasefireCounts(by: STATUS) { key count }
      byPartyCountry: ceasefireCounts(by: PARTY_COUNTRY) { key label count }
      byPartyOrganization: ceasefireCounts(by: PARTY_ORGANIZATION) { key label count }
      ended: ceasefireCounts(by: START_YEAR, filter: { status: ENDED }) { key count }
    }`),
  ).toEqual({
    byStatus: [{ key: "IN_FORCE", count: 1 }],
    // The seed names Israel and Hezbollah as parties; a later article adds Lebanon.
    byPartyCountry: [group("IL", "Israel", 1), group("LB", "Lebanon", 1)],
    byPartyOrganization: [group("hezbollah", "Hezbollah", 1)],
    ended: [],
  });
});

test("a grouping that is not one is refused before anything runs", async () => {
  const { body } = await server.graphql(`{ meetingCounts(by: WEEKDAY) { key count } }`);
  expect(body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
    ["GRAPHQL_VALIDATION_FAILED", 'Value "WEEKDAY" does not exist in "MeetingGrouping" enum.'],
  ]);
});
