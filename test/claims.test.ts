// Many articles, one truthful graph: each article's claims are kept with their source, the
// current values follow the merge rule whatever the order articles are recorded in, corrections
// withdraw what an article no longer says, and every change is in the history.
// Through recordArticle over HTTP with an editor's token, on either database (test-database.ts).
import fs from "node:fs";
import path from "node:path";
import { edges } from "./support/connections";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

const SEED = path.join(__dirname, "..", "prisma", "seed", "2025-12-03-naqura-civilian-talks.json");
const FIXTURES = path.join(__dirname, "fixtures", "articles");
const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
const seed = read(SEED);
const articles = fs
  .readdirSync(FIXTURES)
  .sort()
  .map((name) => read(path.join(FIXTURES, name)));
const slugOf = (document: Record<string, unknown>) => (document.article as { slug: string }).slug;

let server: TestServer;
let editor: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  editor = await bearer({ subject: "editor@example.org", roles: ["editor"] });
});
afterAll(() => server?.stop());

const RECORD = `mutation ($document: JSONObject!) { recordArticle(document: $document) { article { slug } facts } }`;

async function record(document: Record<string, unknown>): Promise<void> {
  const { body } = await server.graphql(RECORD, { document }, editor);
  expect(body.errors).toBeUndefined();
}

async function gql<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers = editor) {
  const { body } = await server.graphql<Data>(query, variables, headers);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** Empties every table, as a fresh database would be. */
async function reset(): Promise<void> {
  await server.database.withSession((session) =>
    session.exec(
      `TRUNCATE "article", "ceasefire", "ceasefire_party", "country", "delegation", "delegation_member", "fact_source",
       "meeting", "organization", "person", "person_role", "place", "plan", "reported_figure", "statement",
       "claim", "change" CASCADE`,
    ),
  );
}

const CLAIMS = `claims { field value current createdBy article { slug } }`;
const SOURCES = `sources { edges { node { slug } } }`;
const GRAPH = [
  `{ countries(first: 50) { edges { node { id code name aliases createdBy updatedBy ${SOURCES} ${CLAIMS} } } } }`,
  `{ people(first: 50) { edges { node { id slug name aliases isNamed description nationality { code } ${SOURCES} ${CLAIMS}
       roles(first: 10) { edges { node { id title status startDate endDate organization { slug } country { code } ${SOURCES} ${CLAIMS} } } } } } } }`,
  `{ organizations(first: 50) { edges { node { id slug name aliases kind description country { code } ${SOURCES} ${CLAIMS} } } } }`,
  `{ places(first: 50) { edges { node { id slug name aliases description country { code } ${SOURCES} ${CLAIMS} } } } }`,
  `{ ceasefires(first: 10) { edges { node { id slug name status startDate endDate summary monitoringMechanism ${SOURCES} ${CLAIMS}
       parties(first: 10) { edges { node { __typename ... on Country { code } ... on Organization { slug } } } } } } } }`,
  `{ meetings(first: 10) { edges { node { id slug title date purpose summary place { slug } host { slug } mediator { slug }
       mediatingCountry { code } ceasefire { slug } ${SOURCES} ${CLAIMS}
       delegations(first: 10) { edges { node { id country { code } leader { slug } description ${SOURCES} ${CLAIMS}
         members(first: 10) { edges { node { id person { slug } role roleNote attendance ${SOURCES} ${CLAIMS} } } } } } } } } } }`,
  `{ statements(first: 50) { edges { node { id slug summary quote channel date ${SOURCES} ${CLAIMS}
       figures(first: 10) { edges { node { id metric value qualifier ${SOURCES} ${CLAIMS} } } } } } } }`,
  `{ plans(first: 10) { edges { node { id slug title summary deadline nextPhase ${SOURCES} ${CLAIMS} } } } }`,
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The whole graph as the API answers it, with ids replaced by natural keys (ids differ from
 * one database to the next; a claim's value names related facts by id) and without the times
 * rows were written at.
 */
async function graph(): Promise<unknown> {
  const answers = [];
  for (const query of GRAPH) answers.push(await gql(query));
  // Statements are listed by date, and undated ones by id, which differs from one database to
  // the next: put those in slug order (the only list here whose order rests on ids).
  const statements = (answers[6] as { statements: { edges: { node: { slug: string; date: string | null } }[] } }).statements;
  statements.edges.sort((a, b) => (a.node.date ?? "9999").localeCompare(b.node.date ?? "9999") || a.node.slug.localeCompare(b.node.slug));
  const names = new Map<string, string>();
  const collect = (value: unknown, parentKey = ""): void => {
    if (Array.isArray(value)) return value.forEach((item) => collect(item, parentKey));
    if (!value || typeof value !== "object") return;
    const row = value as Record<string, unknown>;
    if (typeof row.id === "string") {
      const part = row.title ?? (row.country as { code?: string })?.code ?? (row.person as { slug?: string })?.slug;
      const key = row.slug ?? row.code ?? `${parentKey}:${part}`;
      names.set(row.id, String(key));
    }
    for (const child of Object.values(row)) collect(child, typeof row.slug === "string" ? row.slug : parentKey);
  };
  collect(answers);
  const normalize = (value: unknown): unknown => {
    if (typeof value === "string" && UUID.test(value)) return `<${names.get(value) ?? "unknown id"}>`;
    if (Array.isArray(value)) return value.map(normalize);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([field]) => field !== "createdAt" && field !== "updatedAt")
        .map(([field, child]) => [field, normalize(child)]),
    );
  };
  return normalize(answers);
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

test("the seed and four later articles give the same graph in all 24 orders of the articles (the seed at every position)", async () => {
  const orders = permutations(articles).map((order, i) => {
    const withSeed = [...order];
    withSeed.splice(i % 5, 0, seed);
    return withSeed;
  });
  expect(orders).toHaveLength(24);
  let first: unknown;
  for (const [i, order] of orders.entries()) {
    await reset();
    for (const document of order) await record(document);
    const answer = await graph();
    if (i === 0) first = answer;
    else expect({ order: order.map(slugOf), answer }).toEqual({ order: order.map(slugOf), answer: first });
  }
}, 600_000);

test("recording every article again, or the seed, changes nothing, not even updatedAt or the history", async () => {
  // The database holds the last order of the test above.
  const withTimes = async () => Promise.all(GRAPH.map((query) => gql(query.replace(/\bid\b/, "id updatedAt"))));
  const historyCount = async () =>
    server.database.withSession((session) => session.query<{ n: number }>(`SELECT count(*)::int AS n FROM "change"`));
  const before = [await withTimes(), await historyCount()];
  for (const document of [seed, ...articles]) await record(document);
  expect([await withTimes(), await historyCount()]).toEqual(before);
}, 120_000);
