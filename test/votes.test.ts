// Votes (format 3 of the article document): a body voting on a motion on a date, with its outcome
// and tally, about a ceasefire, agreement or plan; on the timeline and in search. Over the seed and
// the `reporting` fixture articles (the joint statement's article reports the Israeli security
// cabinet's vote on the 2024 ceasefire), through HTTP on either database (test-database.ts).
import { edges } from "./support/connections";
import { RECORD, reportingSuite } from "./support/reporting-suite";

const { gql } = reportingSuite();

const CABINET_VOTE = "israel-security-cabinet-approves-lebanon-ceasefire";
const CEASEFIRE = "israel-hezbollah-ceasefire-2024";

test("a vote with its body, tally and subject, and the votes on a ceasefire, in one statement each", async () => {
  const body = await gql(`{
    voteBySlug(slug: "${CABINET_VOTE}") {
      title date outcome votesFor votesAgainst abstentions body { slug country { code } } ceasefire { slug } agreement { slug } sources { edges { node { slug } } }
    }
    ceasefireBySlug(slug: "${CEASEFIRE}") { votes { totalCount edges { node { slug outcome } } } }
    organizationBySlug(slug: "israel-security-cabinet") { votes { totalCount } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    voteBySlug: {
      title: "Approval of the ceasefire with Hezbollah in Lebanon",
      date: "2024-11-26",
      outcome: "ADOPTED",
      votesFor: 10,
      votesAgainst: 1,
      abstentions: null,
      body: { slug: "israel-security-cabinet", country: { code: "IL" } },
      ceasefire: { slug: CEASEFIRE },
      agreement: null,
      sources: edges({ slug: "2024-11-26-us-france-joint-statement-lebanon" }),
    },
    ceasefireBySlug: { votes: { totalCount: 1, ...edges({ slug: CABINET_VOTE, outcome: "ADOPTED" }) } },
    organizationBySlug: { votes: { totalCount: 1 } },
  });
  expect(body.extensions?.sqlStatements).toBe(3);
});

test("analysts: votes filtered by body, subject and outcome; a vote on the timeline, by its body's country; search finds it", async () => {
  const body = await gql(`{
    votes(filter: { bodyId: "israel-security-cabinet", about: "${CEASEFIRE}", outcome: ADOPTED, from: "2024-11-01" }) { totalCount }
    rejected: votes(filter: { outcome: REJECTED }) { totalCount }
    timeline(filter: { kinds: [VOTE], countryCode: "IL" }) { edges { node { date kind subject { ... on Vote { slug votesFor } } } } }
    timelineCounts(by: KIND, filter: { from: "2024-11-26", to: "2024-11-27" }) { key count }
    search(text: "cabinet approval ceasfire", kinds: [VOTE]) { edges { node { entity { ... on Vote { slug } } } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    votes: { totalCount: 1 },
    rejected: { totalCount: 0 },
    timeline: edges({ date: "2024-11-26", kind: "VOTE", subject: { slug: CABINET_VOTE, votesFor: 10 } }),
    // The joint statement and Biden's announcement, the cabinet's vote, then the ceasefire taking effect.
    timelineCounts: [
      { key: "STATEMENT", count: 2 },
      { key: "CEASEFIRE_START", count: 1 },
      { key: "VOTE", count: 1 },
    ],
    search: edges({ entity: { slug: CABINET_VOTE } }),
  });
  expect((await gql(`{ votes(filter: { about: "Not a key!" }) { totalCount } }`)).errors).toEqual([
    expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "filter.about" } }),
  ]);
});

test("votes need format 3 and a tally that is not negative; editors write votes by key", async () => {
  const document = {
    format: 2,
    article: { slug: "2026-05-01-test-vote", title: "Test vote", publisher: "Example Wire", publishedOn: "2026-05-01" },
    votes: [{ slug: "test-vote", title: "Test", votesFor: -1 }],
  };
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", errors: [{ path: "votes.0.votesFor", message: "Too small: expected number to be >=0" }] }) }),
  ]);
  document.votes[0].votesFor = 3;
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", errors: [{ path: "votes", message: 'votes need "format": 3' }] }) }),
  ]);
  const created = await gql(`mutation {
    createVote(input: { slug: "test-council-vote", title: "Test council vote", date: "2026-05-02", outcome: REJECTED, votesFor: 4, votesAgainst: 9, abstentions: 2, bodyId: "unifil", agreementId: "lebanon-israel-maritime-border-agreement" }) {
      outcome votesAgainst body { slug } agreement { slug }
    }
  }`);
  expect(created.errors).toBeUndefined();
  expect(created.data).toEqual({ createVote: { outcome: "REJECTED", votesAgainst: 9, body: { slug: "unifil" }, agreement: { slug: "lebanon-israel-maritime-border-agreement" } } });
});
