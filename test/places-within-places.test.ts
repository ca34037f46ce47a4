// Places within places (format 2 of the article document): a garden of a building of a city,
// recorded in any order, read both ways in one statement, and never a place within itself.
// Through recordArticle and the place mutations over HTTP, on either database (test-database.ts).
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

const rose = {
  format: 2,
  article: article("2026-01-10-rose-garden-talks", "2026-01-10"),
  countries: [{ code: "US", name: "United States" }],
  // The garden first: the import saves the places it lies within before it.
  places: [
    { slug: "white-house-rose-garden", name: "Rose Garden", within: "white-house" },
    { slug: "white-house", name: "White House", within: "washington", country: "US" },
    { slug: "washington", name: "Washington", aliases: ["Washington, D.C."], country: "US" },
  ],
};

async function gql(query: string, variables?: Record<string, unknown>) {
  const { body } = await server.graphql(query, variables, editor);
  return body;
}

test("a garden of a building of a city, recorded in any order and read both ways in one statement", async () => {
  expect((await gql(RECORD, { document: rose })).errors).toBeUndefined();
  const { body } = await server.graphql(`{
    places(filter: { name: "garden" }) { edges { node { name within { name within { name country { code } } } } } }
    city: places(filter: { name: "washington" }) { edges { node { name within { name } places { totalCount edges { node { name places { edges { node { name } } } } } } } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    places: edges({ name: "Rose Garden", within: { name: "White House", within: { name: "Washington", country: { code: "US" } } } }),
    city: edges({
      name: "Washington",
      within: null,
      places: { totalCount: 1, ...edges({ name: "White House", places: edges({ name: "Rose Garden" }) }) },
    }),
  });
  expect(body.extensions?.sqlStatements).toBe(2);
});

test("places within places need format 2; a circle in a document is refused, nothing written", async () => {
  const asFormat1 = { ...rose, format: 1, article: article("2026-01-11-format-one", "2026-01-11") };
  expect((await gql(RECORD, { document: asFormat1 })).errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", errors: [
      { path: "places.0.within", message: 'places within places need "format": 2' },
      { path: "places.1.within", message: 'places within places need "format": 2' },
    ] }) }),
  ]);
  const circle = {
    format: 2,
    article: article("2026-01-12-circle", "2026-01-12"),
    places: [
      { slug: "inner-court", name: "Inner court", within: "outer-court" },
      { slug: "outer-court", name: "Outer court", within: "inner-court" },
    ],
  };
  expect((await gql(RECORD, { document: circle })).errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", errors: [{ path: "places.0.within", message: "a place cannot lie within itself" }] }) }),
  ]);
  expect((await gql(`{ articles(filter: { from: "2026-01-11" }) { totalCount } places(filter: { name: "court" }) { totalCount } }`)).data).toEqual({
    articles: { totalCount: 0 },
    places: { totalCount: 0 },
  });
});

test("a city cannot be put within its own garden: the database refuses it whoever writes", async () => {
  const { data } = await gql(`{ places(filter: { name: "washington" }) { edges { node { id updatedAt } } } }`);
  const city = (data as { places: { edges: { node: { id: string; updatedAt: string } }[] } }).places.edges[0].node;
  const refused = (slug: string) => [expect.objectContaining({ message: `Place "${slug}" would lie within itself.`, extensions: { code: "BAD_USER_INPUT" } })];
  const update = await gql(`mutation ($id: ID!) { updatePlace(id: $id, input: { withinId: "white-house-rose-garden" }) { name } }`, { id: city.id });
  expect(update.errors).toEqual(refused("washington"));
  const document = { format: 2, article: article("2026-01-13-inside-out", "2026-01-13"), places: [{ slug: "washington", name: "Washington", within: "white-house" }] };
  expect((await gql(RECORD, { document })).errors).toEqual(refused("washington"));
  // Nothing was written: the city lies within nothing, and the article was not recorded.
  expect((await gql(`{ places(filter: { name: "washington" }) { edges { node { updatedAt within { name } } } } articles(filter: { from: "2026-01-13" }) { totalCount } }`)).data).toEqual({
    places: edges({ updatedAt: city.updatedAt, within: null }),
    articles: { totalCount: 0 },
  });
});

test("what each article says of where a place lies is kept; the most recent one's is current", async () => {
  const moved = { format: 2, article: article("2026-01-20-garden-moved", "2026-01-20"), places: [{ slug: "white-house-rose-garden", name: "Rose Garden", within: "washington" }] };
  expect((await gql(RECORD, { document: moved })).errors).toBeUndefined();
  const ids = (await gql(`{ house: places(filter: { name: "white house" }) { edges { node { id } } } city: places(filter: { name: "washington" }) { edges { node { id } } } }`))
    .data as Record<string, { edges: { node: { id: string } }[] }>;
  // A reference's claims hold the id of the row each article named.
  expect((await gql(`{ places(filter: { name: "rose garden" }) { edges { node { within { name } claims(field: "withinId") { value current article { slug } } } } } }`)).data).toEqual({
    places: edges({
      within: { name: "Washington" },
      claims: [
        { value: ids.house.edges[0].node.id, current: false, article: { slug: "2026-01-10-rose-garden-talks" } },
        { value: ids.city.edges[0].node.id, current: true, article: { slug: "2026-01-20-garden-moved" } },
      ],
    }),
  });
});
