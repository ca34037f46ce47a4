// What statements are about (format 4 of the article document): subjects of any kind (countries,
// organizations, an agreement, a ceasefire, a term...), each article's kept and their union current;
// `statementsAbout` on every kind of entity lists the statements about it. Over the seed and the
// `reporting` fixture articles, through HTTP on either database (test-database.ts).
import { edges } from "./support/connections";
import { RECORD, reportingSuite } from "./support/reporting-suite";

const { gql } = reportingSuite();

const SUBJECT = `__typename ... on Country { code } ... on Organization { slug } ... on Agreement { slug } ... on Ceasefire { slug } ... on Term { slug } ... on Meeting { slug }`;
const SUBJECTS = `subjects { totalCount edges { node { ${SUBJECT} } } }`;
const JOINT = "biden-macron-joint-statement-lebanon-ceasefire";
const ANNOUNCEMENT = "biden-announces-israel-lebanon-ceasefire";
const AOUN = "aoun-signs-maritime-deal";

test("each statement's subjects, by kind (its name) then key, in one statement per root field", async () => {
  const body = await gql(`{
    aoun: statementBySlug(slug: "${AOUN}") { ${SUBJECTS} }
    joint: statementBySlug(slug: "${JOINT}") { ${SUBJECTS} }
    announcement: statementBySlug(slug: "${ANNOUNCEMENT}") { ${SUBJECTS} }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    aoun: {
      subjects: { totalCount: 2, ...edges({ __typename: "Agreement", slug: "lebanon-israel-maritime-border-agreement" }, { __typename: "Country", code: "IL" }) },
    },
    joint: {
      subjects: {
        totalCount: 3,
        ...edges({ __typename: "Country", code: "IL" }, { __typename: "Country", code: "LB" }, { __typename: "Organization", slug: "hezbollah" }),
      },
    },
    announcement: {
      subjects: {
        totalCount: 4,
        ...edges(
          { __typename: "Ceasefire", slug: "israel-hezbollah-ceasefire-2024" },
          { __typename: "Country", code: "IL" },
          { __typename: "Country", code: "LB" },
          { __typename: "Term", slug: "israeli-withdrawal-from-south-lebanon-2024" },
        ),
      },
    },
  });
  expect(body.extensions?.sqlStatements).toBe(3);
});

test("statementsAbout lists the statements about an entity of any kind; what they are about is reachable from it", async () => {
  const body = await gql(`{
    organizationBySlug(slug: "hezbollah") { statementsAbout { edges { node { slug } } } }
    countryByCode(code: "IL") { statementsAbout { totalCount edges { node { slug date } } } }
    agreementBySlug(slug: "lebanon-israel-maritime-border-agreement") { statementsAbout { edges { node { slug speakers { edges { node { ... on Person { slug } } } } } } } }
    termBySlug(slug: "israeli-withdrawal-from-south-lebanon-2024") { statementsAbout { edges { node { slug } } } }
    meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { statementsAbout { totalCount } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    organizationBySlug: { statementsAbout: edges({ slug: JOINT }) },
    countryByCode: {
      // By date, then slug.
      statementsAbout: { totalCount: 3, ...edges({ slug: AOUN, date: "2022-10-27" }, { slug: ANNOUNCEMENT, date: "2024-11-26" }, { slug: JOINT, date: "2024-11-26" }) },
    },
    agreementBySlug: { statementsAbout: edges({ slug: AOUN, speakers: edges({ slug: "michel-aoun" }) }) },
    termBySlug: { statementsAbout: edges({ slug: ANNOUNCEMENT }) },
    meetingBySlug: { statementsAbout: { totalCount: 0 } },
  });
  // One statement per root field.
  expect(body.extensions?.sqlStatements).toBe(5);
});

test("a later article adds subjects; an editor replaces a kind; deleting a subject forgets it", async () => {
  const document = {
    format: 4,
    article: { slug: "2026-02-24-test-subjects", title: "Test", publisher: "Example Wire", publishedOn: "2026-02-24" },
    statements: [{ slug: JOINT, summary: "The two presidents welcomed the ceasefire.", speakerCountry: "US", subjects: [{ meeting: "naqura-civilian-talks-2025-12-03" }, { country: "FR" }] }],
  };
  expect((await gql(RECORD, { document })).errors).toBeUndefined();
  const added = await gql(`{ statementBySlug(slug: "${JOINT}") { ${SUBJECTS} } }`);
  expect(added.data).toEqual({
    statementBySlug: {
      subjects: {
        totalCount: 5,
        ...edges(
          { __typename: "Country", code: "FR" },
          { __typename: "Country", code: "IL" },
          { __typename: "Country", code: "LB" },
          { __typename: "Meeting", slug: "naqura-civilian-talks-2025-12-03" },
          { __typename: "Organization", slug: "hezbollah" },
        ),
      },
    },
  });

  const { data } = await gql(`{ statementBySlug(slug: "${JOINT}") { id } }`);
  const id = (data as { statementBySlug: { id: string } }).statementBySlug.id;
  const replaced = await gql(`mutation ($id: ID!) { updateStatement(id: $id, input: { subjectCountryIds: ["LB"], subjectOrganizationIds: [] }) { ${SUBJECTS} } }`, { id });
  expect(replaced.errors).toBeUndefined();
  expect(replaced.data).toEqual({
    updateStatement: {
      subjects: { totalCount: 2, ...edges({ __typename: "Country", code: "LB" }, { __typename: "Meeting", slug: "naqura-civilian-talks-2025-12-03" }) },
    },
  });

  const created = await gql(`mutation {
    createVote(input: { slug: "test-subject-vote", title: "Test vote" }) { id }
  }`);
  expect(created.errors).toBeUndefined();
  const voteId = (created.data as { createVote: { id: string } }).createVote.id;
  const about = await gql(`mutation ($id: ID!) { updateStatement(id: $id, input: { subjectVoteIds: ["test-subject-vote"] }) { subjects { totalCount } } }`, { id });
  expect(about.data).toEqual({ updateStatement: { subjects: { totalCount: 3 } } });
  expect((await gql(`mutation ($id: ID!) { deleteVote(id: $id) { removed { table } } }`, { id: voteId })).errors).toBeUndefined();
  expect((await gql(`{ statementBySlug(slug: "${JOINT}") { subjects { totalCount } } }`)).data).toEqual({ statementBySlug: { subjects: { totalCount: 2 } } });
});

test("subjects need format 4 and name exactly one existing entity; a refused document writes nothing", async () => {
  const document = {
    format: 3,
    article: { slug: "2026-02-25-test-format-three", title: "Test", publisher: "Example Wire", publishedOn: "2026-02-25" },
    statements: [{ slug: "test-subjects-format-three", summary: "Test", speakerCountry: "US", subjects: [{ country: "LB", person: "michel-aoun" }] }],
  };
  const oneOf = "a subject is one entity: give exactly one of country, place, organization, person, ceasefire, meeting, agreement, plan, term, vote";
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", errors: [{ path: "statements.0.subjects.0", message: oneOf }] }) }),
  ]);
  document.statements[0].subjects = [{ vote: "no-such-vote" }] as unknown as (typeof document.statements)[0]["subjects"];
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [
          { path: "statements.0.subjects", message: 'subjects of statements need "format": 4' },
          { path: "statements.0.subjects.0.vote", message: 'no vote with key "no-such-vote" in the document or the database' },
        ],
      }),
    }),
  ]);
  expect((await gql(`{ statementBySlug(slug: "test-subjects-format-three") { slug } }`)).data).toEqual({ statementBySlug: null });
});
