// A mediated ceasefire recorded into typed fields (format 3 of the article document): who
// mediated it, the body that monitors it with its chair and members, and its terms (whom they
// bind, where, for how long, by when). Over the seed and the `reporting` fixture articles (one of
// them the 2024 ceasefire), through HTTP on either database (test-database.ts).
import { edges } from "./support/connections";
import { RECORD, reportingSuite, testArticle } from "./support/reporting-suite";

const { gql } = reportingSuite();

const ENTITY = `__typename ... on Country { code } ... on Organization { slug } ... on Person { slug }`;
const CEASEFIRE = "israel-hezbollah-ceasefire-2024";
const MECHANISM = "ceasefire-monitoring-mechanism";

test("a mediated ceasefire with its monitoring body and terms, in one statement", async () => {
  const body = await gql(`{
    ceasefireBySlug(slug: "${CEASEFIRE}") {
      startDate
      parties { edges { node { __typename ... on Country { code } ... on Organization { slug } } } }
      mediators { edges { node { ${ENTITY} } } }
      monitoringBody { slug name aliases kind chairs { edges { node { ${ENTITY} } } } members { totalCount edges { node { ${ENTITY} } } } }
      terms { totalCount edges { node { slug durationDays deadline boundCountry { code } boundOrganization { slug } place { slug } sources { edges { node { slug } } } } } }
      statements(first: 1) { edges { node { slug date speakerPerson { slug } } } }
    }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    ceasefireBySlug: {
      startDate: "2024-11-27",
      parties: edges({ __typename: "Organization", slug: "hezbollah" }, { __typename: "Country", code: "IL" }),
      // By name: Amos Hochstein, France, United States.
      mediators: edges({ __typename: "Person", slug: "amos-hochstein" }, { __typename: "Country", code: "FR" }, { __typename: "Country", code: "US" }),
      monitoringBody: {
        slug: MECHANISM,
        name: "Ceasefire monitoring mechanism",
        aliases: ["the Mechanism"],
        kind: "MONITORING_BODY",
        chairs: edges({ __typename: "Country", code: "US" }),
        members: {
          totalCount: 4,
          ...edges(
            { __typename: "Country", code: "FR" },
            { __typename: "Country", code: "IL" },
            { __typename: "Country", code: "LB" },
            { __typename: "Organization", slug: "unifil" },
          ),
        },
      },
      // By deadline (none last), then slug.
      terms: {
        totalCount: 3,
        ...edges(
          {
            slug: "israeli-withdrawal-from-south-lebanon-2024",
            durationDays: 60,
            deadline: "2025-01-26",
            boundCountry: null,
            boundOrganization: { slug: "israel-defense-forces" },
            place: null,
            sources: edges({ slug: "2024-11-27-israel-hezbollah-ceasefire" }),
          },
          {
            slug: "lebanese-army-deploys-south-of-litani-2024",
            durationDays: 60,
            deadline: "2025-01-26",
            boundCountry: null,
            boundOrganization: { slug: "lebanese-armed-forces" },
            place: { slug: "litani-river" },
            sources: edges({ slug: "2024-11-27-israel-hezbollah-ceasefire" }),
          },
          {
            slug: "hezbollah-withdraws-north-of-litani-2024",
            durationDays: 60,
            deadline: null,
            boundCountry: null,
            boundOrganization: { slug: "hezbollah" },
            place: { slug: "litani-river" },
            sources: edges({ slug: "2024-11-27-israel-hezbollah-ceasefire" }),
          },
        ),
      },
      statements: edges({ slug: "biden-announces-israel-lebanon-ceasefire", date: "2024-11-26", speakerPerson: { slug: "joe-biden" } }),
    },
  });
  expect(body.extensions?.sqlStatements).toBe(1);
});

test("the other way: the bodies a country belongs to, what a body monitors, the terms binding an organization or applying at a place", async () => {
  const body = await gql(`{
    countryByCode(code: "FR") { bodies { edges { node { slug } } } }
    organizationBySlug(slug: "${MECHANISM}") { monitoredCeasefires { edges { node { slug } } } }
    hezbollah: organizationBySlug(slug: "hezbollah") { terms { edges { node { slug } } } bodies { totalCount } }
    placeBySlug(slug: "litani-river") { terms { totalCount } }
    terms(filter: { binding: "lebanese-armed-forces", ceasefireId: "${CEASEFIRE}", from: "2025-01-01", to: "2025-01-31" }) { edges { node { slug ceasefire { slug } } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    countryByCode: { bodies: edges({ slug: MECHANISM }) },
    organizationBySlug: { monitoredCeasefires: edges({ slug: CEASEFIRE }) },
    hezbollah: { terms: edges({ slug: "hezbollah-withdraws-north-of-litani-2024" }), bodies: { totalCount: 0 } },
    placeBySlug: { terms: { totalCount: 2 } },
    terms: edges({ slug: "lebanese-army-deploys-south-of-litani-2024", ceasefire: { slug: CEASEFIRE } }),
  });
  expect(body.extensions?.sqlStatements).toBe(5);
});

test("analysts: terms fall due on the timeline, with the ceasefire's mediators; search finds a term", async () => {
  const body = await gql(`{
    timeline(filter: { from: "2024-11-01", to: "2025-01-31", countryCode: "FR" }) { edges { node { date kind subject { ... on Ceasefire { slug } ... on Statement { slug } ... on Term { slug } } } } }
    dues: timeline(filter: { kinds: [TERM_DEADLINE], involving: "israel-defense-forces" }) { edges { node { date subject { ... on Term { slug } } } } }
    search(text: "withdrawl southern lebanon", kinds: [TERM]) { edges { node { entity { ... on Term { slug } } } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    // France spoke in the joint statement and mediated the ceasefire (its start); no term binds France.
    timeline: edges(
      { date: "2024-11-26", kind: "STATEMENT", subject: { slug: "biden-macron-joint-statement-lebanon-ceasefire" } },
      { date: "2024-11-27", kind: "CEASEFIRE_START", subject: { slug: CEASEFIRE } },
    ),
    dues: edges({ date: "2025-01-26", subject: { slug: "israeli-withdrawal-from-south-lebanon-2024" } }),
    search: edges({ entity: { slug: "israeli-withdrawal-from-south-lebanon-2024" } }),
  });
});

test("a body cannot chair or belong to itself, whoever writes; nothing is written", async () => {
  const { data } = await gql(`{ organizationBySlug(slug: "${MECHANISM}") { id updatedAt } }`);
  const mechanism = (data as { organizationBySlug: { id: string; updatedAt: string } }).organizationBySlug;
  const refused = [expect.objectContaining({ message: `Body "${MECHANISM}" cannot chair or belong to itself.`, extensions: { code: "BAD_USER_INPUT" } })];
  const update = await gql(`mutation ($id: ID!) { updateOrganization(id: $id, input: { memberOrganizationIds: ["unifil", "${MECHANISM}"] }) { slug } }`, { id: mechanism.id });
  expect(update.errors).toEqual(refused);
  const document = {
    format: 3,
    article: testArticle("2026-03-01-test-self-member", "2026-03-01"),
    organizations: [{ slug: MECHANISM, name: "Ceasefire monitoring mechanism", kind: "MONITORING_BODY", chairs: [{ organization: MECHANISM }] }],
  };
  expect((await gql(RECORD, { document })).errors).toEqual(refused);
  expect((await gql(`{ organizationBySlug(slug: "${MECHANISM}") { updatedAt members { totalCount } } articleBySlug(slug: "2026-03-01-test-self-member") { slug } }`)).data).toEqual({
    organizationBySlug: { updatedAt: mechanism.updatedAt, members: { totalCount: 4 } },
    articleBySlug: null,
  });
});

test("terms, bodies, monitoring bodies and plans of a ceasefire need format 3; editors write terms by key", async () => {
  const document = {
    format: 2,
    article: testArticle("2026-03-02-test-format-two", "2026-03-02"),
    organizations: [{ slug: "test-body", name: "Test body", kind: "MONITORING_BODY", members: [{ country: "FR" }] }],
    ceasefires: [{ slug: "test-truce-two", name: "Test truce", status: "PROPOSED", monitoringBody: "test-body" }],
    plans: [{ slug: "test-plan-two", title: "Test plan", summary: "A test.", ceasefire: "test-truce-two" }],
    terms: [{ slug: "test-term-two", title: "Test term", durationDays: 0 }],
  };
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", errors: [{ path: "terms.0.durationDays", message: "Too small: expected number to be >=1" }] }) }),
  ]);
  document.terms[0].durationDays = 30;
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [
          { path: "terms", message: 'terms need "format": 3' },
          { path: "organizations.0", message: 'chairs and members need "format": 3' },
          { path: "ceasefires.0.monitoringBody", message: 'monitoring bodies need "format": 3' },
          { path: "plans.0", message: 'plans of a ceasefire or agreement need "format": 3' },
        ],
      }),
    }),
  ]);

  const created = await gql(`mutation {
    createTerm(input: { slug: "test-term", title: "Test term", ceasefireId: "${CEASEFIRE}", boundCountryId: "IL", durationDays: 30, deadline: "2025-01-01" }) {
      slug durationDays deadline ceasefire { slug } boundCountry { code }
    }
  }`);
  expect(created.errors).toBeUndefined();
  expect(created.data).toEqual({ createTerm: { slug: "test-term", durationDays: 30, deadline: "2025-01-01", ceasefire: { slug: CEASEFIRE }, boundCountry: { code: "IL" } } });
  const bad = await gql(`mutation { createTerm(input: { slug: "test-term-bad", title: "Bad", durationDays: -1 }) { slug } }`);
  expect(bad.errors).toEqual([expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "input.durationDays" } })]);
  expect((await gql(`{ termBySlug(slug: "test-term-bad") { slug } }`)).data).toEqual({ termBySlug: null });
});
