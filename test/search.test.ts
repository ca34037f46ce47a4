// One search over every kind: ranked, accent- and case-insensitive, misspellings included, with
// highlights; a union of entities, paginated; one SQL statement per page. Over the seed and the
// four fixture articles, on either database (test-database.ts).
import { recordFixtureArticles } from "./support/fixture-articles";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await recordFixtureArticles(server, await bearer({ subject: "editor@example.org", roles: ["editor"] }));
});
afterAll(() => server?.stop());

const FOUND = `kind score highlight entity { __typename ... on Country { code } ... on Place { slug } ... on Person { slug } ... on Organization { slug }
  ... on Meeting { slug } ... on Ceasefire { slug } ... on Statement { slug } ... on Plan { slug } ... on Article { slug } }`;

async function search(args: string, selection = `totalCount edges { node { ${FOUND} } }`): Promise<unknown> {
  const { body } = await server.graphql(`{ search${args} { ${selection} } }`);
  expect(body.errors).toBeUndefined();
  expect(body.extensions?.sqlStatements).toBe(1);
  return (body.data as { search: unknown }).search;
}

const result = (kind: string, score: number, highlight: string | null, entity: Record<string, string>) => ({ node: { kind, score, highlight, entity } });

test("misspellings find what they mean: a place's other spelling, a name's French transcription", async () => {
  expect(await search(`(text: "Nakoura")`)).toEqual({
    totalCount: 1,
    edges: [
      result("PLACE", 0.5, "Naqura — Naqoura, An Naqurah, Ras Naqoura, Ras en-Naqoura — Coastal town at", { __typename: "Place", slug: "naqura" }),
    ],
  });
  expect(await search(`(text: "Netanyahou", kinds: [PERSON, ORGANIZATION])`)).toEqual({
    totalCount: 2,
    edges: [
      result("PERSON", 0.7273, "Benjamin Netanyahu — Netanyahu, Binyamin Netanyahu, Bibi, Bibi Netanyahu, B. Netanyahu — Israeli prime", {
        __typename: "Person",
        slug: "benjamin-netanyahu",
      }),
      result("ORGANIZATION", 0.7273, "Prime Minister's Office of Israel — Netanyahu's office, Israeli Prime Minister", {
        __typename: "Organization",
        slug: "israel-prime-ministers-office",
      }),
    ],
  });
});

test("words found anywhere, any case or accents, whole matches first, highlighted", async () => {
  expect(await search(`(text: "ABRAHAM accords")`)).toEqual({
    totalCount: 1,
    edges: [
      result(
        "STATEMENT",
        2.1,
        "Netanyahu has in the past urged Lebanon to consider joining the <mark>Abraham</mark> <mark>Accords</mark>, the agreements under which several Arab and Muslim states normalized relations with Israel",
        { __typename: "Statement", slug: "netanyahu-abraham-accords" },
      ),
    ],
  });
  expect(await search(`(text: "gidéon")`)).toEqual({
    totalCount: 1,
    edges: [
      result("PERSON", 2.2, "<mark>Gideon</mark> Saar — <mark>Gideon</mark> Sa'ar, Gidon Saar — Israel's foreign minister; met the US envoy in Jerusalem", {
        __typename: "Person",
        slug: "gideon-saar",
      }),
    ],
  });
  // Equal scores: by kind, then by slug.
  expect(await search(`(text: "naqura", kinds: [ARTICLE])`, `totalCount edges { node { score entity { ... on Article { title } } } }`)).toEqual({
    totalCount: 3,
    edges: [
      { node: { score: 2.1, entity: { title: "Lebanon and Israel hold first direct civilian talks in decades at UN base in Naqura" } } },
      { node: { score: 2.1, entity: { title: "Netanyahu calls the Naqura talks a first step towards economic ties with Lebanon" } } },
      { node: { score: 2.1, entity: { title: "Lebanese and Israeli civilians meet again in Naqura" } } },
    ],
  });
});

test("pages of results, one after the other, and the rows read with what the query selects", async () => {
  const selection = `edges { cursor node { kind entity { ... on Meeting { slug place { name } } ... on Ceasefire { slug } ... on Place { slug } } } } pageInfo { hasNextPage hasPreviousPage }`;
  type Page = { edges: { cursor: string; node: unknown }[]; pageInfo: unknown };
  const first = (await search(`(text: "talks", kinds: [MEETING, CEASEFIRE, PLACE], first: 2)`, selection)) as Page;
  const second = (await search(`(text: "talks", kinds: [MEETING, CEASEFIRE, PLACE], first: 2, after: "${first.edges[1].cursor}")`, selection)) as Page;
  expect([first, second].map((page) => ({ nodes: page.edges.map((edge) => edge.node), pageInfo: page.pageInfo }))).toEqual([
    {
      nodes: [
        { kind: "MEETING", entity: { slug: "ortagus-jerusalem-visit-2025", place: { name: "Jerusalem" } } },
        { kind: "CEASEFIRE", entity: { slug: "israel-hezbollah-ceasefire-2024" } },
      ],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    },
    {
      nodes: [
        { kind: "PLACE", entity: { slug: "jerusalem" } },
        { kind: "MEETING", entity: { slug: "naqura-civilian-talks-2025-12-03", place: { name: "Naqura" } } },
      ],
      pageInfo: { hasNextPage: true, hasPreviousPage: true },
    },
  ]);
});

test("highlights are HTML-escaped, and a changed name is found at once", async () => {
  const editor = await bearer({ subject: "editor@example.org", roles: ["editor"] });
  const { body } = await server.graphql(
    `mutation { createPlace(input: { slug: "test-hamlet", name: "Zebulon Hamlet", description: "A <b>bold</b> & brave hamlet" }) { id } }`,
    undefined,
    editor,
  );
  expect(body.errors).toBeUndefined();
  const id = (body.data as { createPlace: { id: string } }).createPlace.id;
  expect(await search(`(text: "brave")`, `edges { node { highlight } }`)).toEqual({
    edges: [{ node: { highlight: "Zebulon Hamlet — A &lt;b&gt;bold&lt;/b&gt; &amp; <mark>brave</mark> hamlet" } }],
  });
  const renamed = await server.graphql(`mutation ($id: ID!) { updatePlace(id: $id, input: { name: "Nouveau Hameau" }) { name } }`, { id }, editor);
  expect(renamed.body.errors).toBeUndefined();
  expect(await search(`(text: "hameau")`, `edges { node { entity { ... on Place { name } } } }`)).toEqual({ edges: [{ node: { entity: { name: "Nouveau Hameau" } } }] });
  expect(await search(`(text: "zebulon")`, `totalCount`)).toEqual({ totalCount: 0 });
});

test.each([
  [`(text: " ' ")`, "A search needs at least one letter or digit.", "text"],
  [`(text: "${"a".repeat(201)}")`, "A search is at most 200 characters.", "text"],
  [`(text: "talks", kinds: [])`, "`kinds` needs at least one kind; leave it out for all.", "kinds"],
  [`(text: "talks", first: 101)`, "`first` must be at most 100; got 101.", "first"],
  [`(text: "talks", after: "${Buffer.from(JSON.stringify([2, "naqura"])).toString("base64url")}")`, "`after` is not a cursor of this search.", "after"],
])("search%s is the client's mistake", async (args, message, field) => {
  const { body } = await server.graphql(`{ search${args} { totalCount } }`);
  expect(body).toEqual({ data: null, errors: [expect.objectContaining({ message, extensions: { code: "BAD_USER_INPUT", field } })], extensions: expect.anything() });
});
