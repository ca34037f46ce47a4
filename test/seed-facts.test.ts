// The seed article's facts, asked for as a client would, compared as whole responses.
import { edges } from "./support/connections";
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
          totalCount
          edges {
            node {
              country { code name }
              leader { name roles { edges { node { title status } } } }
              members { edges { node { role roleNote attendance person { name isNamed nationality { code } } } } }
            }
          }
        }
        sources { edges { node { title publisher publishedOn } } }
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
      delegations: {
        totalCount: 3,
        ...edges(
          {
            country: { code: "IL", name: "Israel" },
            leader: null,
            members: edges({
              role: "CIVILIAN_REPRESENTATIVE",
              roleNote: 'Called a "non-military member" by the Lebanese presidency.',
              attendance: "CONFIRMED",
              person: {
                name: "Israeli civilian representative at the Naqura talks",
                isNamed: false,
                nationality: { code: "IL" },
              },
            }),
          },
          {
            country: { code: "LB", name: "Lebanon" },
            leader: { name: "Simon Karam", roles: edges({ title: "Ambassador of Lebanon", status: "FORMER" }) },
            members: edges(),
          },
          {
            country: { code: "US", name: "United States" },
            leader: {
              name: "Morgan Ortagus",
              roles: edges({ title: "US Special Envoy for Lebanon", status: "CURRENT" }),
            },
            members: edges(),
          },
        ),
      },
      sources: edges(ARTICLE),
    },
  });
});

test("the envoy's earlier meeting in Jerusalem, where Netanyahu reportedly joined", async () => {
  expect(
    await data(`{
      personBySlug(slug: "morgan-ortagus") {
        meetings {
          edges {
            node {
              title date place { name }
              delegations {
                edges { node { country { code } leader { name } members { edges { node { attendance person { name } } } } } }
              }
            }
          }
        }
      }
    }`),
  ).toEqual({
    personBySlug: {
      meetings: edges(
        {
          title: "First direct civilian talks between Lebanon and Israel in decades",
          date: "2025-12-03",
          place: { name: "Naqura" },
          delegations: edges(
            {
              country: { code: "IL" },
              leader: null,
              members: edges({
                attendance: "CONFIRMED",
                person: { name: "Israeli civilian representative at the Naqura talks" },
              }),
            },
            { country: { code: "LB" }, leader: { name: "Simon Karam" }, members: edges() },
            { country: { code: "US" }, leader: { name: "Morgan Ortagus" }, members: edges() },
          ),
        },
        {
          title: "US envoy Morgan Ortagus meets Israeli leaders in Jerusalem",
          date: null,
          place: { name: "Jerusalem" },
          delegations: edges(
            {
              country: { code: "IL" },
              leader: { name: "Gideon Saar" },
              members: edges({ attendance: "REPORTED", person: { name: "Benjamin Netanyahu" } }),
            },
            { country: { code: "US" }, leader: { name: "Morgan Ortagus" }, members: edges() },
          ),
        },
      ),
    },
  });
});

test("the ceasefire: its parties, status, and the anniversary figures with who reported them", async () => {
  const statement = {
    date: "2025-11-27",
    speakerOrganization: { name: "Israel Defense Forces" },
    sources: edges({ title: ARTICLE.title }),
  };
  expect(
    await data(`{
      ceasefires {
        edges {
          node {
            name startDate status
            parties { edges { node { __typename ... on Country { code } ... on Organization { name kind } } } }
            figures {
              edges {
                node {
                  metric value qualifier quote
                  statement { date speakerOrganization { name } sources { edges { node { title } } } }
                  sources { edges { node { publishedOn } } }
                }
              }
            }
            meetings { edges { node { slug } } }
          }
        }
      }
    }`),
  ).toEqual({
    ceasefires: edges({
      name: "Israel–Hezbollah ceasefire",
      startDate: "2024-11-27",
      status: "IN_FORCE",
      parties: edges(
        { __typename: "Organization", name: "Hezbollah", kind: "ARMED_GROUP" },
        { __typename: "Country", code: "IL" },
      ),
      figures: edges(
        {
          metric: "members of Hezbollah, Hamas and other Palestinian groups killed",
          value: 370,
          qualifier: "MORE_THAN",
          quote: "elimination of more than 370 terrorists",
          statement,
          sources: edges({ publishedOn: "2025-12-03" }),
        },
        {
          metric: "targeted activities",
          value: 1200,
          qualifier: "APPROXIMATELY",
          quote: "targeted activities",
          statement,
          sources: edges({ publishedOn: "2025-12-03" }),
        },
      ),
      meetings: edges({ slug: "naqura-civilian-talks-2025-12-03" }),
    }),
  });
});

test("people, their roles, and what they said", async () => {
  expect(
    await data(`{
      personBySlug(slug: "gideon-saar") {
        name aliases
        roles { edges { node { title status country { code } } } }
        statements { edges { node { channel summary } } }
        ledDelegations { edges { node { meeting { place { name } } } } }
      }
      countryByCode(code: "lb") {
        people { edges { node { name } } }
        organizations { totalCount edges { node { slug } } }
      }
    }`),
  ).toEqual({
    personBySlug: {
      name: "Gideon Saar",
      aliases: ["Gideon Sa'ar", "Gidon Saar"],
      roles: edges({ title: "Foreign Minister of Israel", status: "CURRENT", country: { code: "IL" } }),
      statements: edges({
        channel: "X",
        summary:
          "After meeting the US envoy, Saar wrote that Hezbollah violates Lebanon's sovereignty and must be disarmed, for Lebanon's future and for Israel's security.",
      }),
      ledDelegations: edges({ meeting: { place: { name: "Jerusalem" } } }),
    },
    countryByCode: {
      people: edges({ name: "Joseph Aoun" }, { name: "Simon Karam" }),
      organizations: {
        totalCount: 5,
        ...edges(
          { slug: "lebanese-government" },
          { slug: "hezbollah" },
          { slug: "lebanese-armed-forces" },
          { slug: "lebanese-presidency" },
          { slug: "unifil" },
        ),
      },
    },
  });
});

test("the Lebanese army's plan south of the Litani", async () => {
  expect(
    await data(`{
      organizationBySlug(slug: "hezbollah") {
        targetedBy { edges { node { title area deadline nextPhase responsibleOrganization { name } approvedBy { name } } } }
      }
    }`),
  ).toEqual({
    organizationBySlug: {
      targetedBy: edges({
        title: "Lebanese army plan to dismantle Hezbollah's military infrastructure",
        area: "South of the Litani River",
        deadline: "2025-12-31",
        nextPhase: "Extend the effort to the whole of Lebanon.",
        responsibleOrganization: { name: "Lebanese Armed Forces" },
        approvedBy: { name: "Government of Lebanon" },
      }),
    },
  });
});

test("who said the Israeli delegation would include a non-military member, and where that comes from", async () => {
  const aoun = (await data(`{ personBySlug(slug: "joseph-aoun") { id } }`)) as { personBySlug: { id: string } };
  expect(
    await data(
      `query ($speaker: ID!) {
        statements(filter: { speakerPersonId: $speaker }) {
          edges { node { slug quote speakerPerson { name } speakerOrganization { name } sources { edges { node { title } } } } }
        }
      }`,
      { speaker: aoun.personBySlug.id },
    ),
  ).toEqual({
    statements: edges({
      slug: "lebanese-presidency-delegation-head",
      quote: "non-military member",
      speakerPerson: { name: "Joseph Aoun" },
      speakerOrganization: { name: "Presidency of Lebanon" },
      sources: edges({ title: ARTICLE.title }),
    }),
  });
});

test("an article lists the facts it reports, of every kind", async () => {
  const result = (await data(`{
    articleBySlug(slug: "2025-12-03-naqura-civilian-talks") {
      facts(first: 100) { totalCount edges { node { __typename id } } }
      meetings: facts(kind: MEETING) { edges { node { ... on Meeting { slug } } } }
    }
  }`)) as { articleBySlug: { facts: { totalCount: number; edges: { node: { __typename: string } }[] }; meetings: unknown } };
  const counts: Record<string, number> = {};
  for (const { node } of result.articleBySlug.facts.edges) counts[node.__typename] = (counts[node.__typename] ?? 0) + 1;
  expect(result.articleBySlug.facts.totalCount).toBe(58);
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
  expect(result.articleBySlug.meetings).toEqual(
    edges({ slug: "naqura-civilian-talks-2025-12-03" }, { slug: "ortagus-jerusalem-visit-2025" }),
  );
});

test("meetings by date range and by participating country", async () => {
  const query = `query ($filter: MeetingFilter) {
    meetings(filter: $filter) { totalCount edges { node { slug } } }
  }`;
  const naqura = { slug: "naqura-civilian-talks-2025-12-03" };
  const jerusalem = { slug: "ortagus-jerusalem-visit-2025" };
  expect(await data(query, { filter: { from: "2025-12-01", to: "2025-12-31" } })).toEqual({
    meetings: { totalCount: 1, ...edges(naqura) },
  });
  expect(await data(query, { filter: { countryCode: "LB" } })).toEqual({ meetings: { totalCount: 1, ...edges(naqura) } });
  expect(await data(query, { filter: { countryCode: "IL" } })).toEqual({
    meetings: { totalCount: 2, ...edges(naqura, jerusalem) },
  });
  expect(await data(query, { filter: { countryCode: "FR" } })).toEqual({ meetings: { totalCount: 0, edges: [] } });
});
