// What clients ask of news data: name search across spellings, filters that combine with
// paging, explicit ordering, and paging inside nested lists.
import { edges } from "./support/connections";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

async function data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await server.graphql<T>(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

async function idOf(query: string): Promise<string> {
  const result = await data<Record<string, { id: string }>>(`{ x: ${query} { id } }`);
  return result.x.id;
}

const PEOPLE_BY_NAME = `query ($name: String) { people(filter: { name: $name }) { edges { node { name } } } }`;

test.each([
  ["saar", ["Gideon Saar"]],
  ["SA'AR", ["Gideon Saar"]],
  ["Sa’ar", ["Gideon Saar"]],
  ["gidéon", ["Gideon Saar"]],
  ["bibi", ["Benjamin Netanyahu"]],
  ["karame", ["Simon Karam"]],
  ["israel", ["Acting director of Israel's National Security Council", "Israeli civilian representative at the Naqura talks"]],
  ["nobody-by-that-name", []],
])("people whose name or alias contains %j", async (name, names) => {
  expect(await data(PEOPLE_BY_NAME, { name })).toEqual({ people: edges(...names.map((n) => ({ name: n }))) });
});

test("organizations and places by alias, and meetings by a place's other spelling", async () => {
  expect(
    await data(`{
      hizballah: organizations(filter: { name: "HIZBALLAH" }) { edges { node { slug } } }
      unifil: organizations(filter: { name: "unifil" }) { edges { node { slug } } }
      armies: organizations(filter: { kind: MILITARY }) { edges { node { slug } } }
      naqoura: places(filter: { name: "Naqoura" }) { edges { node { name } } }
      meetings(filter: { placeName: "NAQOURA" }) { edges { node { slug } } }
    }`),
  ).toEqual({
    hizballah: edges({ slug: "hezbollah" }),
    unifil: edges({ slug: "unifil" }),
    armies: edges({ slug: "israel-defense-forces" }, { slug: "lebanese-armed-forces" }),
    naqoura: edges({ name: "Naqura" }),
    meetings: edges({ slug: "naqura-civilian-talks-2025-12-03" }),
  });
});

test("a filter combines with paging: Israeli people, two at a time", async () => {
  const query = `query ($after: String) {
    people(filter: { countryCode: "il" }, first: 2, after: $after) {
      totalCount edges { node { name } } pageInfo { hasNextPage endCursor }
    }
  }`;
  type Page = { people: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
  const names: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 10; pages++) {
    const page: Page = await data<Page>(query, { after });
    expect(page.people.totalCount).toBe(4);
    names.push(...page.people.edges.map((edge) => edge.node.name));
    if (!page.people.pageInfo.hasNextPage) break;
    after = page.people.pageInfo.endCursor;
  }
  expect(names).toEqual([
    "Acting director of Israel's National Security Council",
    "Benjamin Netanyahu",
    "Gideon Saar",
    "Israeli civilian representative at the Naqura talks",
  ]);
});

test("people by organization, meetings by person, ceasefires by party and status, facts by article", async () => {
  const nsc = await idOf(`organizationBySlug(slug: "israel-national-security-council")`);
  const netanyahu = await idOf(`personBySlug(slug: "benjamin-netanyahu")`);
  const ortagus = await idOf(`personBySlug(slug: "morgan-ortagus")`);
  const hezbollah = await idOf(`organizationBySlug(slug: "hezbollah")`);
  const article = await idOf(`articleBySlug(slug: "2025-12-03-naqura-civilian-talks")`);
  expect(
    await data(
      `query ($nsc: ID, $netanyahu: ID, $ortagus: ID, $hezbollah: ID, $article: ID) {
        nscPeople: people(filter: { organizationId: $nsc }) { edges { node { slug } } }
        netanyahuMeetings: meetings(filter: { personId: $netanyahu }) { edges { node { slug } } }
        ortagusMeetings: meetings(filter: { personId: $ortagus, countryCode: "LB" }) { edges { node { slug } } }
        inForce: ceasefires(filter: { partyOrganizationId: $hezbollah, status: IN_FORCE }) { edges { node { slug } } }
        ended: ceasefires(filter: { partyCountryCode: "IL", status: ENDED }) { totalCount }
        reported: meetings(filter: { reportedIn: $article }) { totalCount }
        reportedPeople: people(filter: { reportedIn: $article, countryCode: "LB" }) { edges { node { slug } } }
      }`,
      { nsc, netanyahu, ortagus, hezbollah, article },
    ),
  ).toEqual({
    nscPeople: edges({ slug: "israel-nsc-acting-director" }, { slug: "israeli-civilian-representative-naqura" }),
    netanyahuMeetings: edges({ slug: "ortagus-jerusalem-visit-2025" }),
    ortagusMeetings: edges({ slug: "naqura-civilian-talks-2025-12-03" }),
    inForce: edges({ slug: "israel-hezbollah-ceasefire-2024" }),
    ended: { totalCount: 0 },
    reported: { totalCount: 2 },
    reportedPeople: edges({ slug: "joseph-aoun" }, { slug: "simon-karam" }),
  });
});

test("explicit ordering, with the id as tie-breaker", async () => {
  expect(
    await data(`{
      meetings(orderBy: { field: TITLE, direction: DESC }) { edges { node { title } } }
      ceasefires(orderBy: { field: NAME }) { edges { node { name } } }
    }`),
  ).toEqual({
    meetings: edges(
      { title: "US envoy Morgan Ortagus meets Israeli leaders in Jerusalem" },
      { title: "First direct civilian talks between Lebanon and Israel in decades" },
    ),
    ceasefires: edges({ name: "Israel–Hezbollah ceasefire" }),
  });
});

test("nested lists page with their own cursors", async () => {
  const query = `query ($after: String) {
    meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") {
      delegations(first: 2, after: $after) {
        totalCount edges { node { country { code } } } pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }
  }`;
  type Result = {
    meetingBySlug: { delegations: { pageInfo: { endCursor: string } } & Record<string, unknown> };
  };
  const first = await data<Result>(query);
  expect(first).toEqual({
    meetingBySlug: {
      delegations: {
        totalCount: 3,
        ...edges({ country: { code: "IL" } }, { country: { code: "LB" } }),
        pageInfo: { hasNextPage: true, hasPreviousPage: false, endCursor: expect.any(String) },
      },
    },
  });
  expect(await data(query, { after: first.meetingBySlug.delegations.pageInfo.endCursor })).toEqual({
    meetingBySlug: {
      delegations: {
        totalCount: 3,
        ...edges({ country: { code: "US" } }),
        pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: expect.any(String) },
      },
    },
  });
});

test.each([
  [`{ people(filter: { name: "  " }) { totalCount } }`, "A name search needs at least one letter or digit.", "filter.name"],
  [`{ people(filter: { name: "${"a".repeat(201)}" }) { totalCount } }`, "A name search is at most 200 characters.", "filter.name"],
  [`{ meetings(filter: { personId: "4 2" }) { totalCount } }`, "`filter.personId` is not a valid id or slug.", "filter.personId"],
  [`{ meetings(filter: { reportedIn: "x_y" }) { totalCount } }`, "`filter.reportedIn` is not a valid id or slug.", "filter.reportedIn"],
  [
    `{ meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { delegations(after: "bm9wZQ") { totalCount } } }`,
    "`after` is not a cursor of this list.",
    "after",
  ],
  [
    `{ meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { delegations(first: 500) { totalCount } } }`,
    "`first` must be at most 100; got 500.",
    "first",
  ],
])("bad filter or page input %# is a BAD_USER_INPUT error", async (query, message, field) => {
  const { status, body } = await server.graphql(query);
  expect(status).toBe(200);
  expect(body.errors).toEqual([expect.objectContaining({ message, extensions: { code: "BAD_USER_INPUT", field } })]);
});
