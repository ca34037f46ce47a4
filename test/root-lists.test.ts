// Every root list can be filtered and ordered, and filters name rows the way editors know them:
// by id, or by slug (an ISO code for countries). Over the seed and the four fixture articles,
// recorded through recordArticle, on either database (test-database.ts).
import { edges } from "./support/connections";
import { recordFixtureArticles } from "./support/fixture-articles";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

let server: TestServer;
let editor: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  editor = await bearer({ subject: "editor@example.org", roles: ["editor"] });
  await recordFixtureArticles(server, editor);
});
afterAll(() => server?.stop());

async function data(query: string, variables?: Record<string, unknown>): Promise<unknown> {
  const { body } = await server.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function errorsOf(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const { body } = await server.graphql(query, variables, headers);
  return { data: body.data, errors: body.errors?.map(({ message, extensions }) => ({ message, code: extensions?.code, field: extensions?.field })) };
}

test("articles: newest first by default, by publisher, by dates, and ordered by title", async () => {
  expect(
    await data(`{
      all: articles { totalCount edges { node { slug publishedOn } } }
      wire: articles(filter: { publisher: "Example Wire" }) { edges { node { slug publisher } } }
      december: articles(filter: { from: "2025-12-01", to: "2025-12-10" }, orderBy: { field: PUBLISHED_ON, direction: ASC }) {
        edges { node { slug } }
      }
      byTitle: articles(orderBy: { field: TITLE, direction: ASC }, first: 2) { edges { node { title } } pageInfo { hasNextPage } }
      byPublisher: articles(orderBy: { field: PUBLISHER, direction: DESC }, first: 2) { edges { node { publisher } } }
    }`),
  ).toEqual({
    all: {
      totalCount: 5,
      ...edges(
        { slug: "2025-12-19-naqura-second-round", publishedOn: "2025-12-19" },
        { slug: "2025-12-10-aoun-on-negotiations", publishedOn: "2025-12-10" },
        { slug: "2025-12-05-netanyahu-on-naqura", publishedOn: "2025-12-05" },
        { slug: "2025-12-03-naqura-civilian-talks", publishedOn: "2025-12-03" },
        { slug: "2025-11-27-ceasefire-one-year-on", publishedOn: "2025-11-27" },
      ),
    },
    wire: edges(
      { slug: "2025-12-19-naqura-second-round", publisher: "Example Wire" },
      { slug: "2025-11-27-ceasefire-one-year-on", publisher: "Example Wire" },
    ),
    december: edges(
      { slug: "2025-12-03-naqura-civilian-talks" },
      { slug: "2025-12-05-netanyahu-on-naqura" },
      { slug: "2025-12-10-aoun-on-negotiations" },
    ),
    byTitle: {
      ...edges(
        { title: "Aoun says Lebanon negotiates to end Israeli strikes, not to normalize" },
        { title: "Lebanese and Israeli civilians meet again in Naqura" },
      ),
      pageInfo: { hasNextPage: true },
    },
    byPublisher: edges({ publisher: "Example Wire" }, { publisher: "Example Wire" }),
  });
});

test("countries: searchable by name and alias, reported by an article (by slug), ordered by name", async () => {
  expect(
    await data(`{
      liban: countries(filter: { name: "LIBAN" }) { edges { node { code } } }
      inSecondRound: countries(filter: { reportedIn: "2025-12-19-naqura-second-round" }, orderBy: { field: NAME, direction: DESC }) {
        edges { node { name } }
      }
      byName: countries(orderBy: { field: NAME }, first: 3) { edges { node { name } } }
    }`),
  ).toEqual({
    liban: edges({ code: "LB" }),
    inSecondRound: edges({ name: "United States" }, { name: "Lebanon" }, { name: "Israel" }),
    byName: edges({ name: "France" }, { name: "Iran" }, { name: "Israel" }),
  });
});

test("statements: by speaker (slug or ISO code), between dates, newest first", async () => {
  expect(
    await data(`{
      netanyahu: statements(filter: { speakerPersonId: "benjamin-netanyahu", from: "2025-11-01" }, orderBy: { field: DATE, direction: DESC }) {
        edges { node { slug date } }
      }
      lebanon: statements(filter: { speakerCountryId: "lb" }) { edges { node { slug } } }
      army: statements(filter: { speakerOrganizationId: "israel-defense-forces" }) { edges { node { slug date } } }
      december: statements(filter: { from: "2025-12-01", to: "2025-12-31" }) { edges { node { slug date } } }
      aboutTruce: statements(filter: { ceasefireId: "israel-hezbollah-ceasefire-2024", reportedIn: "2025-11-27-ceasefire-one-year-on" }) {
        edges { node { slug } }
      }
    }`),
  ).toEqual({
    netanyahu: edges(
      { slug: "netanyahu-naqura-first-step", date: "2025-12-04" },
      { slug: "netanyahu-strikes-until-disarmament", date: "2025-11-26" },
    ),
    lebanon: edges({ slug: "lebanon-ready-to-negotiate" }),
    army: edges({ slug: "idf-ceasefire-anniversary-figures", date: "2025-11-27" }),
    december: edges(
      { slug: "afp-source-first-civilian-talks", date: "2025-12-03" },
      { slug: "netanyahu-naqura-first-step", date: "2025-12-04" },
      { slug: "aoun-no-normalization", date: "2025-12-09" },
    ),
    aboutTruce: edges({ slug: "netanyahu-strikes-until-disarmament" }),
  });
});

test("plans by any organization they concern and by deadline; places ordered and by article", async () => {
  expect(
    await data(`{
      hezbollah: plans(filter: { organizationId: "hezbollah" }) { edges { node { slug } } }
      government: plans(filter: { organizationId: "lebanese-government", reportedIn: "2025-12-03-naqura-civilian-talks" }) { totalCount }
      idf: plans(filter: { organizationId: "israel-defense-forces" }) { totalCount }
      dueIn2026: plans(filter: { from: "2026-01-01" }) { totalCount }
      byTitle: plans(orderBy: { field: TITLE, direction: DESC }) { edges { node { deadline } } }
      places(orderBy: { field: NAME, direction: DESC }) { edges { node { name } } }
      inSecondRound: places(filter: { reportedIn: "2025-12-19-naqura-second-round" }) { edges { node { name } } }
    }`),
  ).toEqual({
    hezbollah: edges({ slug: "lebanese-army-hezbollah-disarmament-plan" }),
    government: { totalCount: 1 },
    idf: { totalCount: 0 },
    dueIn2026: { totalCount: 0 },
    byTitle: edges({ deadline: "2025-12-31" }),
    places: edges({ name: "Naqura" }, { name: "Litani River" }, { name: "Jerusalem" }),
    inSecondRound: edges({ name: "Naqura" }),
  });
});

test("filters that took ids take slugs too, with the same answers", async () => {
  const ids = (await data(`{
    ortagus: personBySlug(slug: "morgan-ortagus") { id }
    naqura: places(filter: { name: "naqura" }) { edges { node { id } } }
    nsc: organizationBySlug(slug: "israel-national-security-council") { id }
    hezbollah: organizationBySlug(slug: "hezbollah") { id }
    article: articleBySlug(slug: "2025-12-05-netanyahu-on-naqura") { id }
  }`)) as Record<string, { id: string } & { edges: { node: { id: string } }[] }>;
  const query = `query ($person: ID, $place: ID, $organization: ID, $party: ID, $article: ID) {
    meetings(filter: { personId: $person, placeId: $place }) { edges { node { slug } } }
    people(filter: { organizationId: $organization }) { edges { node { slug } } }
    ceasefires(filter: { partyOrganizationId: $party }) { edges { node { slug } } }
    reported: people(filter: { reportedIn: $article }) { edges { node { slug } } }
  }`;
  const expected = {
    meetings: edges({ slug: "naqura-civilian-talks-2025-12-03" }, { slug: "naqura-civilian-talks-2025-12-19" }),
    people: edges({ slug: "israel-nsc-acting-director" }, { slug: "israeli-civilian-representative-naqura" }),
    ceasefires: edges({ slug: "israel-hezbollah-ceasefire-2024" }),
    reported: edges({ slug: "benjamin-netanyahu" }),
  };
  const bySlug = { person: "morgan-ortagus", place: "Naqura", organization: "israel-national-security-council", party: "hezbollah", article: "2025-12-05-netanyahu-on-naqura" };
  const byId = {
    person: ids.ortagus.id,
    place: ids.naqura.edges[0].node.id,
    organization: ids.nsc.id,
    party: ids.hezbollah.id,
    article: ids.article.id,
  };
  expect(await data(query, bySlug)).toEqual(expected);
  expect(await data(query, byId)).toEqual(expected);
  // A slug that names nothing matches nothing, like an id that names nothing.
  expect(await data(`{ meetings(filter: { personId: "nobody-by-that-slug" }) { totalCount } }`)).toEqual({ meetings: { totalCount: 0 } });
});

test.each([
  `{ articles(filter: { publisher: "AFP", from: "2025-01-01" }, orderBy: { field: TITLE }) { totalCount edges { node { title } } } }`,
  `{ countries(filter: { name: "isr", reportedIn: "2025-12-05-netanyahu-on-naqura" }, orderBy: { field: NAME }) { edges { node { name people { totalCount } } } } }`,
  `{ statements(filter: { speakerPersonId: "benjamin-netanyahu", reportedIn: "2025-12-05-netanyahu-on-naqura" }) { edges { node { summary speakerPerson { name } } } } }`,
  `{ plans(filter: { organizationId: "hezbollah", to: "2026-01-01" }, orderBy: { field: TITLE }) { edges { node { title approvedBy { name } } } } }`,
  `{ meetings(filter: { personId: "morgan-ortagus", placeId: "naqura" }) { edges { node { title delegations { totalCount } } } } }`,
])("one SQL statement: %s", async (query) => {
  const { body } = await server.graphql(query);
  expect(body.errors).toBeUndefined();
  expect(body.extensions?.sqlStatements).toBe(1);
});

test("places, ceasefires, statements and plans by slug, as the other kinds; an unknown slug is null", async () => {
  const { body } = await server.graphql(`{
    placeBySlug(slug: "naqura") { name }
    ceasefireBySlug(slug: "israel-hezbollah-ceasefire-2024") { name parties { totalCount } }
    statementBySlug(slug: "aoun-no-normalization") { date speakerPerson { name } }
    planBySlug(slug: "lebanese-army-hezbollah-disarmament-plan") { deadline responsibleOrganization { slug } }
    nowhere: placeBySlug(slug: "atlantis") { name }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    placeBySlug: { name: "Naqura" },
    ceasefireBySlug: { name: "Israel–Hezbollah ceasefire", parties: { totalCount: 3 } },
    statementBySlug: { date: "2025-12-09", speakerPerson: { name: "Joseph Aoun" } },
    planBySlug: { deadline: "2025-12-31", responsibleOrganization: { slug: "lebanese-armed-forces" } },
    nowhere: null,
  });
  expect(body.extensions?.sqlStatements).toBe(5);
});

test("roles and figures show the slugs an article document names them by", async () => {
  expect(
    await data(`{
      personBySlug(slug: "gideon-saar") { roles { edges { node { slug title } } } }
      statements(filter: { speakerOrganizationId: "israel-defense-forces" }) { edges { node { figures { edges { node { slug value } } } } } }
    }`),
  ).toEqual({
    personBySlug: { roles: edges({ slug: "gideon-saar-foreign-minister", title: "Foreign Minister of Israel" }) },
    statements: edges({
      figures: edges({ slug: "idf-anniversary-fighters-killed", value: 370 }, { slug: "idf-anniversary-targeted-activities", value: 1200 }),
    }),
  });
});

test("a key that is neither an id nor a slug, and dates out of order, are the client's mistakes", async () => {
  expect(
    await errorsOf(`{ statements(filter: { speakerPersonId: "Benjamin Netanyahu" }) { totalCount } }`),
  ).toEqual({
    data: null,
    errors: [{ message: "`filter.speakerPersonId` is not a valid id or slug.", code: "BAD_USER_INPUT", field: "filter.speakerPersonId" }],
  });
  expect(await errorsOf(`{ countries(filter: { reportedIn: "no such article!" }) { totalCount } }`)).toEqual({
    data: null,
    errors: [{ message: "`filter.reportedIn` is not a valid id or slug.", code: "BAD_USER_INPUT", field: "filter.reportedIn" }],
  });
  expect(await errorsOf(`{ statements(filter: { speakerCountryId: "LBN" }) { totalCount } }`)).toEqual({
    data: null,
    errors: [{ message: "`filter.speakerCountryId` is not a valid id or ISO code.", code: "BAD_USER_INPUT", field: "filter.speakerCountryId" }],
  });
  expect(await errorsOf(`{ articles(filter: { from: "2025-12-10", to: "2025-12-01" }) { totalCount } }`)).toEqual({
    data: null,
    errors: [{ message: "`filter.from` must not be after `filter.to`.", code: "BAD_USER_INPUT", field: "filter.from" }],
  });
});

test("a slug may not look like an id, so a key is never ambiguous", async () => {
  const slug = "0b6f7c1e-2a4d-4c8e-9f10-3d2b1a0c9e87";
  expect(
    await errorsOf(`mutation ($slug: String!) { createPlace(input: { slug: $slug, name: "Id-shaped" }) { slug } }`, { slug }, editor),
  ).toEqual({
    data: null,
    errors: [{ message: expect.stringContaining("must not have the shape of an id (a UUID)"), code: "BAD_USER_INPUT", field: "input.slug" }],
  });
  expect(await data(`{ places(filter: { name: "Id-shaped" }) { totalCount } }`)).toEqual({ places: { totalCount: 0 } });
});
