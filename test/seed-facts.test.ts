// The seed article's facts, asked for as a client would, compared as whole responses.
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const ARTICLE = {
  title: "Lebanon and Israel hold first direct civilian talks in decades at UN base in Naqura",
  publisher: "AFP",
  publishedOn: "2025-12-03",
};

async function data(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await server.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

test("the delegations at the Naqura meeting, with their countries, leaders and members", async () => {
  expect(
    await data(`{
      meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") {
        title date
        place { name aliases country { code } }
        host { name aliases }
        mediator { name }
        mediatingCountry { code }
        delegations {
          country { code name }
          leader { name roles { title status } }
          members { role roleNote attendance person { name isNamed nationality { code } } }
        }
        sources { title publisher publishedOn }
      }
    }`),
  ).toEqual({
    meetingBySlug: {
      title: "First direct civilian talks between Lebanon and Israel in decades",
      date: "2025-12-03",
      place: { name: "Naqura", aliases: ["Naqoura", "An Naqurah", "Ras Naqoura"], country: { code: "LB" } },
      host: {
        name: "United Nations Interim Force in Lebanon",
        aliases: ["UNIFIL", "UN peacekeeping force in Lebanon"],
      },
      mediator: { name: "Morgan Ortagus" },
      mediatingCountry: { code: "US" },
      delegations: [
        {
          country: { code: "IL", name: "Israel" },
          leader: null,
          members: [
            {
              role: "CIVILIAN_REPRESENTATIVE",
              roleNote: 'Called a "non-military member" by the Lebanese presidency.',
              attendance: "CONFIRMED",
              person: {
                name: "Israeli civilian representative at the Naqura talks",
                isNamed: false,
                nationality: { code: "IL" },
              },
            },
          ],
        },
        {
          country: { code: "LB", name: "Lebanon" },
          leader: { name: "Simon Karam", roles: [{ title: "Ambassador of Lebanon", status: "FORMER" }] },
          members: [],
        },
        {
          country: { code: "US", name: "United States" },
          leader: {
            name: "Morgan Ortagus",
            roles: [{ title: "US Special Envoy for Lebanon", status: "CURRENT" }],
          },
          members: [],
        },
      ],
      sources: [ARTICLE],
    },
  });
});

test("the envoy's earlier meeting in Jerusalem, where Netanyahu reportedly joined", async () => {
  expect(
    await data(`{
      personBySlug(slug: "morgan-ortagus") {
        meetings {
          title date place { name }
          delegations { country { code } leader { name } members { attendance person { name } } }
        }
      }
    }`),
  ).toEqual({
    personBySlug: {
      meetings: [
        {
          title: "First direct civilian talks between Lebanon and Israel in decades",
          date: "2025-12-03",
          place: { name: "Naqura" },
          delegations: [
            {
              country: { code: "IL" },
              leader: null,
              members: [
                { attendance: "CONFIRMED", person: { name: "Israeli civilian representative at the Naqura talks" } },
              ],
            },
            { country: { code: "LB" }, leader: { name: "Simon Karam" }, members: [] },
            { country: { code: "US" }, leader: { name: "Morgan Ortagus" }, members: [] },
          ],
        },
        {
          title: "US envoy Morgan Ortagus meets Israeli leaders in Jerusalem",
          date: null,
          place: { name: "Jerusalem" },
          delegations: [
            {
              country: { code: "IL" },
              leader: { name: "Gideon Saar" },
              members: [{ attendance: "REPORTED", person: { name: "Benjamin Netanyahu" } }],
            },
            { country: { code: "US" }, leader: { name: "Morgan Ortagus" }, members: [] },
          ],
        },
      ],
    },
  });
});

test("the ceasefire: its parties, status, and the anniversary figures with who reported them", async () => {
  expect(
    await data(`{
      ceasefires {
        edges {
          node {
            name startDate status
            parties { __typename ... on Country { code } ... on Organization { name kind } }
            figures {
              metric value qualifier quote
              statement { date speakerOrganization { name } sources { title } }
              sources { publishedOn }
            }
            meetings { slug }
          }
        }
      }
    }`),
  ).toEqual({
    ceasefires: {
      edges: [
        {
          node: {
            name: "Israel–Hezbollah ceasefire",
            startDate: "2024-11-27",
            status: "IN_FORCE",
            parties: [
              { __typename: "Organization", name: "Hezbollah", kind: "ARMED_GROUP" },
              { __typename: "Country", code: "IL" },
            ],
            figures: [
              {
                metric: "members of Hezbollah, Hamas and other Palestinian groups killed",
                value: 370,
                qualifier: "MORE_THAN",
                quote: "elimination of more than 370 terrorists",
                statement: {
                  date: "2025-11-27",
                  speakerOrganization: { name: "Israel Defense Forces" },
                  sources: [{ title: ARTICLE.title }],
                },
                sources: [{ publishedOn: "2025-12-03" }],
              },
              {
                metric: "targeted activities",
                value: 1200,
                qualifier: "APPROXIMATELY",
                quote: "targeted activities",
                statement: {
                  date: "2025-11-27",
                  speakerOrganization: { name: "Israel Defense Forces" },
                  sources: [{ title: ARTICLE.title }],
                },
                sources: [{ publishedOn: "2025-12-03" }],
              },
            ],
            meetings: [{ slug: "naqura-civilian-talks-2025-12-03" }],
          },
        },
      ],
    },
  });
});

test("people, their roles, and what they said", async () => {
  expect(
    await data(`{
      personBySlug(slug: "gideon-saar") {
        name aliases
        roles { title status country { code } }
        statements { channel summary }
        ledDelegations { meeting { place { name } } }
      }
      countryByCode(code: "lb") {
        people { name }
        organizations { slug }
      }
    }`),
  ).toEqual({
    personBySlug: {
      name: "Gideon Saar",
      aliases: ["Gideon Sa'ar", "Gidon Saar"],
      roles: [{ title: "Foreign Minister of Israel", status: "CURRENT", country: { code: "IL" } }],
      statements: [
        {
          channel: "X",
          summary:
            "After meeting the US envoy, Saar wrote that Hezbollah violates Lebanon's sovereignty and must be disarmed, for Lebanon's future and for Israel's security.",
        },
      ],
      ledDelegations: [{ meeting: { place: { name: "Jerusalem" } } }],
    },
    countryByCode: {
      people: [{ name: "Joseph Aoun" }, { name: "Simon Karam" }],
      organizations: [
        { slug: "lebanese-government" },
        { slug: "hezbollah" },
        { slug: "lebanese-armed-forces" },
        { slug: "lebanese-presidency" },
        { slug: "unifil" },
      ],
    },
  });
});

test("the Lebanese army's plan south of the Litani", async () => {
  expect(
    await data(`{
      organizationBySlug(slug: "hezbollah") {
        targetedBy { title area deadline nextPhase responsibleOrganization { name } approvedBy { name } }
      }
    }`),
  ).toEqual({
    organizationBySlug: {
      targetedBy: [
        {
          title: "Lebanese army plan to dismantle Hezbollah's military infrastructure",
          area: "South of the Litani River",
          deadline: "2025-12-31",
          nextPhase: "Extend the effort to the whole of Lebanon.",
          responsibleOrganization: { name: "Lebanese Armed Forces" },
          approvedBy: { name: "Government of Lebanon" },
        },
      ],
    },
  });
});

test("who said the Israeli delegation would include a non-military member, and where that comes from", async () => {
  expect(
    await data(`{
      statements(first: 20) {
        edges { node { slug quote speakerPerson { name } speakerOrganization { name } sources { title } } }
      }
    }`),
  ).toMatchObject({
    statements: {
      edges: expect.arrayContaining([
        {
          node: {
            slug: "lebanese-presidency-delegation-head",
            quote: "non-military member",
            speakerPerson: { name: "Joseph Aoun" },
            speakerOrganization: { name: "Presidency of Lebanon" },
            sources: [{ title: ARTICLE.title }],
          },
        },
      ]),
    },
  });
});

test("an article lists the facts it reports, of every kind", async () => {
  const result = (await data(`{
    articleBySlug(slug: "2025-12-03-naqura-civilian-talks") {
      facts { __typename id }
      meetings: facts(kind: MEETING) { ... on Meeting { slug } }
    }
  }`)) as { articleBySlug: { facts: { __typename: string }[]; meetings: unknown[] } };
  const counts: Record<string, number> = {};
  for (const fact of result.articleBySlug.facts) counts[fact.__typename] = (counts[fact.__typename] ?? 0) + 1;
  expect(counts).toEqual({
    Ceasefire: 1,
    Country: 6,
    Delegation: 5,
    DelegationMember: 2,
    Meeting: 2,
    Organization: 10,
    Person: 8,
    PersonRole: 7,
    Place: 3,
    Plan: 1,
    ReportedFigure: 2,
    Statement: 11,
  });
  expect(result.articleBySlug.meetings).toEqual([
    { slug: "naqura-civilian-talks-2025-12-03" },
    { slug: "ortagus-jerusalem-visit-2025" },
  ]);
});

test("meetings by date range and by participating country", async () => {
  const query = `query ($filter: MeetingFilter) {
    meetings(filter: $filter) { totalCount edges { node { slug } } }
  }`;
  expect(await data(query, { filter: { from: "2025-12-01", to: "2025-12-31" } })).toEqual({
    meetings: { totalCount: 1, edges: [{ node: { slug: "naqura-civilian-talks-2025-12-03" } }] },
  });
  expect(await data(query, { filter: { countryCode: "LB" } })).toEqual({
    meetings: { totalCount: 1, edges: [{ node: { slug: "naqura-civilian-talks-2025-12-03" } }] },
  });
  expect(await data(query, { filter: { countryCode: "IL" } })).toEqual({
    meetings: {
      totalCount: 2,
      edges: [{ node: { slug: "naqura-civilian-talks-2025-12-03" } }, { node: { slug: "ortagus-jerusalem-visit-2025" } }],
    },
  });
  expect(await data(query, { filter: { countryCode: "FR" } })).toEqual({ meetings: { totalCount: 0, edges: [] } });
});
