// Statements with several speakers and a place (format 3 of the article document): a joint
// statement of two presidents for their two countries, an announcement made in a garden of a
// building of a city. Each article's speakers are kept, their union current; the older single
// speaker fields read the first of each kind. Over the seed and the `reporting` fixture articles,
// through HTTP on either database (test-database.ts).
import { edges } from "./support/connections";
import { RECORD, reportingSuite, testArticle } from "./support/reporting-suite";

const { gql } = reportingSuite();

const SPEAKER = `__typename ... on Country { code } ... on Organization { slug } ... on Person { slug }`;
const JOINT = "biden-macron-joint-statement-lebanon-ceasefire";

test("a joint statement with its four speakers, and an announcement with its place, in one statement", async () => {
  const body = await gql(`{
    joint: statementBySlug(slug: "${JOINT}") {
      date speakers { totalCount edges { node { ${SPEAKER} } } } speakerPerson { slug } speakerCountry { code } place { slug } ceasefire { slug }
    }
    announcement: statementBySlug(slug: "biden-announces-israel-lebanon-ceasefire") { place { name within { name within { name } } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    joint: {
      date: "2024-11-26",
      // By name: Emmanuel Macron, France, Joe Biden, United States.
      speakers: {
        totalCount: 4,
        ...edges(
          { __typename: "Person", slug: "emmanuel-macron" },
          { __typename: "Country", code: "FR" },
          { __typename: "Person", slug: "joe-biden" },
          { __typename: "Country", code: "US" },
        ),
      },
      // The first of each kind, as the article lists them.
      speakerPerson: { slug: "joe-biden" },
      speakerCountry: { code: "US" },
      place: null,
      ceasefire: { slug: "israel-hezbollah-ceasefire-2024" },
    },
    announcement: { place: { name: "Rose Garden", within: { name: "White House", within: { name: "Washington" } } } },
  });
  expect(body.extensions?.sqlStatements).toBe(2);
});

test("each speaker finds the statement: lists, filters, counts and the timeline follow every speaker", async () => {
  const body = await gql(`{
    macron: personBySlug(slug: "emmanuel-macron") { statements { edges { node { slug } } } }
    france: countryByCode(code: "FR") { statements { edges { node { slug } } } }
    placeBySlug(slug: "white-house-rose-garden") { statements { edges { node { slug } } } }
    statements(filter: { speakerCountryId: "FR" }) { edges { node { slug } } }
    statementCounts(by: SPEAKER_PERSON, filter: { from: "2024-11-01", to: "2024-11-30" }) { key count }
    timeline(filter: { involving: "emmanuel-macron" }) { edges { node { kind date } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    macron: { statements: edges({ slug: JOINT }) },
    france: { statements: edges({ slug: JOINT }) },
    placeBySlug: { statements: edges({ slug: "biden-announces-israel-lebanon-ceasefire" }) },
    statements: edges({ slug: JOINT }),
    statementCounts: [
      { key: "joe-biden", count: 2 },
      { key: "emmanuel-macron", count: 1 },
    ],
    timeline: edges({ kind: "STATEMENT", date: "2024-11-26" }),
  });
});

test("a later article adds a speaker; editors replace a kind; a statement keeps at least one speaker", async () => {
  const document = {
    format: 3,
    article: testArticle("2026-04-01-test-third-speaker", "2026-04-01"),
    countries: [{ code: "GB", name: "United Kingdom" }],
    statements: [{ slug: JOINT, summary: "The presidents welcomed the ceasefire.", speakers: [{ country: "GB" }] }],
  };
  expect((await gql(RECORD, { document })).errors).toBeUndefined();
  const { data } = await gql(`{ statementBySlug(slug: "${JOINT}") { id speakers { totalCount } } }`);
  const joint = (data as { statementBySlug: { id: string; speakers: { totalCount: number } } }).statementBySlug;
  expect(joint.speakers).toEqual({ totalCount: 5 });

  const replaced = await gql(`mutation ($id: ID!) { updateStatement(id: $id, input: { speakerCountryIds: [], speakerPersonId: "emmanuel-macron" }) { speakers { edges { node { ${SPEAKER} } } } speakerPerson { slug } speakerCountry { code } } }`, { id: joint.id });
  expect(replaced.errors).toBeUndefined();
  expect(replaced.data).toEqual({ updateStatement: { speakers: edges({ __typename: "Person", slug: "emmanuel-macron" }), speakerPerson: { slug: "emmanuel-macron" }, speakerCountry: null } });

  const none = await gql(`mutation ($id: ID!) { updateStatement(id: $id, input: { speakerPersonIds: [] }) { slug } }`, { id: joint.id });
  expect(none.errors).toEqual([
    expect.objectContaining({
      message: "`input.speakerPersonIds` or another kind of speaker is needed: a statement has at least one speaker.",
      extensions: { code: "BAD_USER_INPUT", field: "input.speakerPersonIds" },
    }),
  ]);
  const created = await gql(`mutation { createStatement(input: { slug: "test-joint", summary: "A test.", speakerCountryIds: ["LB", "IL"], placeId: "naqura" }) { speakerCountry { code } speakers { totalCount } place { slug } } }`);
  expect(created.errors).toBeUndefined();
  expect(created.data).toEqual({ createStatement: { speakerCountry: { code: "LB" }, speakers: { totalCount: 2 }, place: { slug: "naqura" } } });
});

test("lists of speakers and places of statements need format 3", async () => {
  const document = {
    format: 2,
    article: testArticle("2026-04-02-test-format-two", "2026-04-02"),
    statements: [{ slug: "test-format-two-statement", summary: "A test.", speakers: [{ country: "FR" }], place: "naqura" }],
  };
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [
          { path: "statements.0.speakers", message: 'lists of speakers need "format": 3' },
          { path: "statements.0.place", message: 'places of statements need "format": 3' },
        ],
      }),
    }),
  ]);
});
