// Mediation as a relation (format 3 of the article document): any number of mediators (countries,
// organizations, people) of a meeting, a ceasefire or an agreement, each article's say kept and
// their union current; a meeting's older single `mediator` and `mediatingCountry` are the first
// of their kind. Through HTTP on either database (test-database.ts), over the seed.
import { edges } from "./support/connections";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

let server: TestServer;
let editor: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  editor = await bearer({ subject: "editor@example.org", roles: ["editor"] });
});
afterAll(() => server?.stop());

const RECORD = `mutation ($document: JSONObject!) { recordArticle(document: $document) { article { slug } } }`;
const article = (slug: string, publishedOn: string) => ({ slug, title: `Test ${slug}`, publisher: "Example Wire", publishedOn });
const NAQURA = "naqura-civilian-talks-2025-12-03";
const MEDIATOR = `__typename ... on Country { code } ... on Organization { slug } ... on Person { slug }`;

async function gql(query: string, variables?: Record<string, unknown>) {
  const { body } = await server.graphql(query, variables, editor);
  return body;
}

const MEETING_MEDIATORS = `mediators { totalCount edges { node { ${MEDIATOR} } } } mediator { slug } mediatingCountry { code }`;
const mediatorsOfNaqura = `meetingBySlug(slug: "${NAQURA}") { ${MEETING_MEDIATORS} }`;

test("the seed's mediator and mediating country are the meeting's mediators; the older fields read the first of each kind", async () => {
  const body = await gql(`{ ${mediatorsOfNaqura} }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    meetingBySlug: {
      mediators: { totalCount: 2, ...edges({ __typename: "Person", slug: "morgan-ortagus" }, { __typename: "Country", code: "US" }) },
      mediator: { slug: "morgan-ortagus" },
      mediatingCountry: { code: "US" },
    },
  });
  expect(body.extensions?.sqlStatements).toBe(1);
});

test("a later article adds mediators of every kind to a meeting and mediates a ceasefire and an agreement; nothing is lost", async () => {
  const document = {
    format: 3,
    article: article("2026-02-20-test-mediators", "2026-02-20"),
    countries: [{ code: "FR", name: "France" }, { code: "EG", name: "Egypt" }],
    people: [{ slug: "test-envoy", name: "Test Envoy", nationality: "FR" }],
    meetings: [{ slug: NAQURA, title: "First direct civilian talks between Lebanon and Israel in decades", mediators: [{ country: "FR" }, { organization: "unifil" }, { person: "test-envoy" }] }],
    ceasefires: [{ slug: "israel-hezbollah-ceasefire-2024", name: "Israel–Hezbollah ceasefire", status: "IN_FORCE", mediators: [{ country: "US" }, { country: "FR" }] }],
    agreements: [{ slug: "test-mediated-accord", title: "Test mediated accord", kind: "ACCORD", signedOn: "2026-02-19", mediators: [{ country: "EG" }, { person: "test-envoy" }] }],
  };
  expect((await gql(RECORD, { document })).errors).toBeUndefined();
  const body = await gql(`{
    ${mediatorsOfNaqura}
    ceasefireBySlug(slug: "israel-hezbollah-ceasefire-2024") { mediators { edges { node { ${MEDIATOR} } } } }
    agreementBySlug(slug: "test-mediated-accord") { mediators { edges { node { ${MEDIATOR} } } } }
    personBySlug(slug: "test-envoy") { mediatedMeetings { edges { node { slug } } } }
  }`);
  expect(body.errors).toBeUndefined();
  // By name: France, Morgan Ortagus, Test Envoy, United Nations Interim Force..., United States.
  expect(body.data).toEqual({
    meetingBySlug: {
      mediators: {
        totalCount: 5,
        ...edges(
          { __typename: "Country", code: "FR" },
          { __typename: "Person", slug: "morgan-ortagus" },
          { __typename: "Person", slug: "test-envoy" },
          { __typename: "Organization", slug: "unifil" },
          { __typename: "Country", code: "US" },
        ),
      },
      // The seed's are the first (oldest source first).
      mediator: { slug: "morgan-ortagus" },
      mediatingCountry: { code: "US" },
    },
    ceasefireBySlug: { mediators: edges({ __typename: "Country", code: "FR" }, { __typename: "Country", code: "US" }) },
    agreementBySlug: { mediators: edges({ __typename: "Country", code: "EG" }, { __typename: "Person", slug: "test-envoy" }) },
    personBySlug: { mediatedMeetings: edges({ slug: NAQURA }) },
  });
  expect(body.extensions?.sqlStatements).toBe(4);
});

test("analysts find and count by mediator: meetings per mediating country, events a mediator took part in", async () => {
  const body = await gql(`{
    meetings(filter: { personId: "test-envoy" }) { edges { node { slug } } }
    meetingCounts(by: MEDIATING_COUNTRY) { key count }
    timeline(filter: { involving: "FR", kinds: [CEASEFIRE_START, MEETING, SIGNING] }) { edges { node { kind } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    meetings: edges({ slug: NAQURA }),
    meetingCounts: [
      { key: "FR", count: 1 },
      { key: "US", count: 1 },
      { key: null, count: 1 },
    ],
    timeline: edges({ kind: "CEASEFIRE_START" }, { kind: "MEETING" }),
  });
});

test("editors replace a kind of mediators; the older single fields still work and clear", async () => {
  const { data } = await gql(`{ meetingBySlug(slug: "${NAQURA}") { id } }`);
  const id = (data as { meetingBySlug: { id: string } }).meetingBySlug.id;
  const replaced = await gql(`mutation ($id: ID!) { updateMeeting(id: $id, input: { mediatorPersonIds: ["test-envoy"], mediatorId: "morgan-ortagus" }) { mediator { slug } } }`, { id });
  expect(replaced.errors).toBeUndefined();
  // The list wins over the single field given with it.
  expect(replaced.data).toEqual({ updateMeeting: { mediator: { slug: "test-envoy" } } });
  const cleared = await gql(`mutation ($id: ID!) { updateMeeting(id: $id, input: { mediatorCountryId: null }) { ${MEETING_MEDIATORS} } }`, { id });
  expect(cleared.errors).toBeUndefined();
  expect(cleared.data).toEqual({
    updateMeeting: {
      // The editor's person mediators and no country; the organization stays, as the articles say.
      mediators: { totalCount: 2, ...edges({ __typename: "Person", slug: "test-envoy" }, { __typename: "Organization", slug: "unifil" }) },
      mediator: { slug: "test-envoy" },
      mediatingCountry: null,
    },
  });
});

test("mediators need format 3; a mediator names exactly one entity", async () => {
  const document = {
    format: 2,
    article: article("2026-02-21-format-two", "2026-02-21"),
    meetings: [{ slug: "test-format-two", title: "Test", mediators: [{ country: "FR" }] }],
    ceasefires: [{ slug: "test-format-two-truce", name: "Test", status: "PROPOSED", mediators: [{ country: "FR", person: "test-envoy" }] }],
  };
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [{ path: "ceasefires.0.mediators.0", message: "a mediator is a country, an organization or a person: give exactly one of them" }],
      }),
    }),
  ]);
  document.ceasefires[0].mediators = [{ country: "FR" }] as typeof document.ceasefires[0]["mediators"];
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [
          { path: "meetings.0.mediators", message: 'mediators need "format": 3' },
          { path: "ceasefires.0.mediators", message: 'mediators need "format": 3' },
        ],
      }),
    }),
  ]);
  expect((await gql(`{ meetingBySlug(slug: "test-format-two") { slug } }`)).data).toEqual({ meetingBySlug: null });
});
