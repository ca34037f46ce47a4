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

/** The graph of the seed and the four articles, as the first test found it. */
let wholeGraph: unknown;

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
  for (const [i, order] of orders.entries()) {
    await reset();
    for (const document of order) await record(document);
    const answer = await graph();
    if (i === 0) wholeGraph = answer;
    else expect({ order: order.map(slugOf), answer }).toEqual({ order: order.map(slugOf), answer: wholeGraph });
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

// The tests below start from the database the first test left: the seed and the four articles.

const NETANYAHU = `{ personBySlug(slug: "benjamin-netanyahu") { name aliases description
  claims(field: "description") { field value current createdBy article { slug publishedOn } } } }`;

test("names and aliases are the union of what the sources say; a text is the most recent article's; each claim is attributed", async () => {
  expect(await gql(NETANYAHU)).toEqual({
    personBySlug: {
      name: "Benjamin Netanyahu",
      aliases: ["Netanyahu", "Binyamin Netanyahu", "Bibi", "Bibi Netanyahu", "B. Netanyahu"],
      description: "Israeli prime minister; described the Naqura meeting as a first step towards economic cooperation.",
      claims: [
        {
          field: "description",
          value: "Israel's prime minister, who has said strikes will go on until Hezbollah disarms.",
          current: false,
          createdBy: "editor@example.org",
          article: { slug: "2025-11-27-ceasefire-one-year-on", publishedOn: "2025-11-27" },
        },
        {
          field: "description",
          value: "Prime minister of Israel; sent a civilian representative to the talks with Lebanon.",
          current: false,
          createdBy: "editor@example.org",
          article: { slug: "2025-12-03-naqura-civilian-talks", publishedOn: "2025-12-03" },
        },
        {
          field: "description",
          value: "Israeli prime minister; described the Naqura meeting as a first step towards economic cooperation.",
          current: true,
          createdBy: "editor@example.org",
          article: { slug: "2025-12-05-netanyahu-on-naqura", publishedOn: "2025-12-05" },
        },
      ],
    },
  });
  expect(
    await gql(`{
      countryByCode(code: "LB") { name aliases claims(field: "aliases") { value current article { slug } } }
      ceasefires(first: 1) { edges { node {
        name summary monitoringMechanism
        parties { edges { node { __typename ... on Country { code } ... on Organization { slug } } } }
      } } }
      naqura: places(filter: { name: "Ras en-Naqoura" }) { edges { node { name aliases } } }
      bibi: people(filter: { name: "Bibi Netanyahu" }) { edges { node { slug } } }
      binyamin: people(filter: { name: "Binyamin" }) { edges { node { slug } } }
      partyOfGod: organizations(filter: { name: "party of god" }) { edges { node { slug aliases } } }
    }`),
  ).toEqual({
    countryByCode: {
      name: "Lebanon",
      aliases: ["Lubnan", "Lebanese Republic", "Liban", "Republic of Lebanon", "Al-Jumhuriyya al-Lubnaniyya"],
      claims: [
        { value: ["Lubnan"], current: true, article: { slug: "2025-11-27-ceasefire-one-year-on" } },
        { value: ["Lebanese Republic", "Liban"], current: true, article: { slug: "2025-12-03-naqura-civilian-talks" } },
        { value: ["Republic of Lebanon", "Liban"], current: true, article: { slug: "2025-12-05-netanyahu-on-naqura" } },
        { value: ["Lebanese Republic", "Al-Jumhuriyya al-Lubnaniyya"], current: true, article: { slug: "2025-12-10-aoun-on-negotiations" } },
        { value: ["Liban"], current: true, article: { slug: "2025-12-19-naqura-second-round" } },
      ],
    },
    ceasefires: edges({
      name: "Israel–Hezbollah ceasefire",
      summary:
        "Truce in force since November 2024; the civilian talks in Naqura are meant to consolidate it while Israel keeps up strikes.",
      // The latest article says nothing of the monitoring: the most recent one that does is the seed.
      monitoringMechanism: (seed.ceasefires as { monitoringMechanism: string }[])[0].monitoringMechanism,
      // The union of the parties the articles name: the earliest one adds Lebanon.
      parties: edges(
        { __typename: "Organization", slug: "hezbollah" },
        { __typename: "Country", code: "IL" },
        { __typename: "Country", code: "LB" },
      ),
    }),
    // Named "Naqoura" by the article of 12-05 and "Naqura" by the later one of 12-19.
    naqura: edges({ name: "Naqura", aliases: ["Naqoura", "An Naqurah", "Ras Naqoura", "Ras en-Naqoura"] }),
    bibi: edges({ slug: "benjamin-netanyahu" }),
    binyamin: edges({ slug: "benjamin-netanyahu" }),
    partyOfGod: edges({
      slug: "hezbollah",
      aliases: ["Hizb Allah", "Party of God", "Hizbollah", "Hizballah", "Hizbullah", "Hezbollah movement"],
    }),
  });
});

test("an editor's value wins over the articles, and recording an article again does not undo it", async () => {
  const { personBySlug } = await gql<{ personBySlug: { id: string } }>(`{ personBySlug(slug: "benjamin-netanyahu") { id } }`);
  const alice = await bearer({ subject: "alice@newsroom.example", roles: ["editor"] });
  const edited = await gql(
    `mutation ($id: ID!) { updatePerson(id: $id, input: { description: "Prime minister of Israel since 2022." }) { description aliases updatedBy } }`,
    { id: personBySlug.id },
    alice,
  );
  expect(edited).toEqual({
    updatePerson: {
      description: "Prime minister of Israel since 2022.",
      aliases: ["Netanyahu", "Binyamin Netanyahu", "Bibi", "Bibi Netanyahu", "B. Netanyahu"],
      updatedBy: "alice@newsroom.example",
    },
  });
  await record(articles[1]); // 2025-12-05, the article whose description was current
  const after = await gql<{ personBySlug: { description: string; claims: { value: string; current: boolean; createdBy: string; article: unknown }[] } }>(NETANYAHU);
  expect(after.personBySlug.description).toBe("Prime minister of Israel since 2022.");
  expect(after.personBySlug.claims.map(({ current, createdBy, article }) => ({ current, createdBy, article }))).toEqual([
    { current: false, createdBy: "editor@example.org", article: { slug: "2025-11-27-ceasefire-one-year-on", publishedOn: "2025-11-27" } },
    { current: false, createdBy: "editor@example.org", article: { slug: "2025-12-03-naqura-civilian-talks", publishedOn: "2025-12-03" } },
    { current: false, createdBy: "editor@example.org", article: { slug: "2025-12-05-netanyahu-on-naqura", publishedOn: "2025-12-05" } },
    { current: true, createdBy: "alice@newsroom.example", article: null },
  ]);
  expect(await gql(`query ($id: ID!) { history(entityId: $id) { actor via articleSlug action before after } }`, { id: personBySlug.id })).toEqual({
    history: expect.arrayContaining([
      {
        actor: "alice@newsroom.example",
        via: "updatePerson",
        articleSlug: null,
        action: "UPDATED",
        before: { description: "Israeli prime minister; described the Naqura meeting as a first step towards economic cooperation." },
        after: { description: "Prime minister of Israel since 2022." },
      },
    ]),
  });
});

test("a corrected article withdraws what it no longer says; the other articles' claims stay; the history shows it", async () => {
  const original = articles[2] as { article: { slug: string }; people: { slug: string; aliases: string[] }[] };
  expect(original.article.slug).toBe("2025-12-10-aoun-on-negotiations");
  // The correction no longer calls Aoun a general and no longer mentions Simon Karam.
  const corrected = {
    ...original,
    people: original.people
      .filter((person) => person.slug !== "simon-karam")
      .map((person) => ({ ...person, aliases: ["President Aoun"] })),
  };
  const PEOPLE = `{
    aoun: personBySlug(slug: "joseph-aoun") { aliases }
    karam: personBySlug(slug: "simon-karam") { id aliases description sources { edges { node { slug } } } claims(field: "aliases") { value article { slug } } }
  }`;
  await record(corrected);
  const { karam, ...rest } = await gql<{ karam: { id: string } }>(PEOPLE);
  expect({ ...rest, karam: { ...karam, id: undefined } }).toEqual({
    aoun: { aliases: ["Joseph Khalil Aoun", "President Aoun"] },
    karam: {
      id: undefined,
      aliases: ["Simon Karame"],
      description: "Head of Lebanon's civilian delegation at the Naqura talks.",
      sources: edges({ slug: "2025-12-03-naqura-civilian-talks" }, { slug: "2025-12-19-naqura-second-round" }),
      claims: [{ value: ["Simon Karame"], article: { slug: "2025-12-03-naqura-civilian-talks" } }],
    },
  });
  // The article was recorded before (the first entry); the correction is the last.
  const { history } = await gql<{ history: unknown[] }>(
    `query ($id: ID!) { history(entityId: $id, articleSlug: "2025-12-10-aoun-on-negotiations") { actor via action before after } }`,
    { id: karam.id },
  );
  expect(history.at(-1)).toEqual(
      {
        actor: "editor@example.org",
        via: "recordArticle",
        action: "UPDATED",
        before: {
          aliases: ["Simon Karame", "Simon Karam (ambassador)"],
          claims: {
            name: "Simon Karam",
            aliases: ["Simon Karame", "Simon Karam (ambassador)"],
            isNamed: true,
            description: "Lawyer and former ambassador to Washington, named by the president to head the Lebanese delegation.",
            nationalityId: expect.any(String),
          },
          source: "2025-12-10-aoun-on-negotiations",
        },
        after: {
          aliases: ["Simon Karame"],
          claims: { name: null, aliases: null, isNamed: null, description: null, nationalityId: null },
          source: null,
        },
      },
  );
  // Recording the original again restores its claims: the graph is as before the correction.
  await record(original);
  expect((await gql<{ karam: { aliases: string[] } }>(PEOPLE)).karam.aliases).toEqual(["Simon Karame", "Simon Karam (ambassador)"]);
});

test("a delete is in the history, with what was deleted and by whom", async () => {
  const { personBySlug } = await gql<{ personBySlug: { id: string } }>(`{ personBySlug(slug: "source-close-to-naqura-negotiations") { id } }`);
  const removed = await gql(`mutation ($id: ID!) { deletePerson(id: $id, cascade: true) { id } }`, { id: personBySlug.id });
  expect(removed).toEqual({ deletePerson: { id: personBySlug.id } });
  const { history } = await gql<{ history: { actor: string; via: string; action: string; before: unknown; after: unknown }[] }>(
    `query ($id: ID!) { history(entityId: $id) { actor via action before after } }`,
    { id: personBySlug.id },
  );
  expect(history.at(-1)).toEqual({
    actor: "editor@example.org",
    via: "deletePerson",
    action: "DELETED",
    before: {
      slug: "source-close-to-naqura-negotiations",
      name: "Source close to the negotiations",
      aliases: [],
      isNamed: false,
      description: "Anonymous source who described the talks to AFP.",
      nationalityId: null,
    },
    after: null,
  });
  expect(history.map((change) => change.action)).toEqual(["CREATED", "DELETED"]);
});

test("deleting an article withdraws its claims: the facts it spoke of fall back to the other sources, and the history says so", async () => {
  const { articleBySlug } = await gql<{ articleBySlug: { id: string } }>(`{ articleBySlug(slug: "2025-12-19-naqura-second-round") { id } }`);
  await gql(`mutation ($id: ID!) { deleteArticle(id: $id) { id } }`, { id: articleBySlug.id });
  expect(
    await gql(`{
      naqura: places(filter: { name: "naqura" }) { edges { node { name aliases } } }
      ceasefires(first: 1) { edges { node { name summary } } }
    }`),
  ).toEqual({
    // The article of 12-05 is now the most recent to name the town; the seed's name becomes an
    // alias, after the seed's own aliases.
    naqura: edges({ name: "Naqoura", aliases: ["An Naqurah", "Ras Naqoura", "Naqura", "Ras en-Naqoura"] }),
    ceasefires: edges({
      name: (seed.ceasefires as { name: string }[])[0].name,
      summary: (seed.ceasefires as { summary: string }[])[0].summary,
    }),
  });
  const { history } = await gql<{ history: { entityType: string; action: string; via: string }[] }>(
    `query ($id: ID!) { history(entityId: $id) { entityType action via } }`,
    { id: articleBySlug.id },
  );
  expect(history.at(-1)).toEqual({ entityType: "Article", action: "DELETED", via: "deleteArticle" });
});

test("claims and history are batched: the statements a query costs do not grow with the number of facts", async () => {
  const statements = async (first: number) => {
    const { body } = await server.graphql(
      `{ people(first: ${first}) { edges { node { name claims { field current article { slug } } history { action } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    return body.extensions?.sqlStatements;
  };
  // The page, the claims of all its people (articles joined), their history.
  expect([await statements(1), await statements(20)]).toEqual([3, 3]);
});

test("a correction that no longer names a party withdraws it from the ceasefire", async () => {
  const original = articles[0] as { article: { slug: string }; ceasefires: { parties: { country?: string }[] }[] };
  expect(original.article.slug).toBe("2025-11-27-ceasefire-one-year-on");
  const PARTIES = `{ ceasefires(first: 1) { edges { node {
    parties { edges { node { __typename ... on Country { code } ... on Organization { slug } } } } } } } }`;
  const parties = async () => (await gql<{ ceasefires: { edges: { node: { parties: unknown } }[] } }>(PARTIES)).ceasefires.edges[0].node.parties;
  expect(await parties()).toEqual(
    edges({ __typename: "Organization", slug: "hezbollah" }, { __typename: "Country", code: "IL" }, { __typename: "Country", code: "LB" }),
  );
  const ceasefire = original.ceasefires[0];
  await record({ ...original, ceasefires: [{ ...ceasefire, parties: ceasefire.parties.filter((party) => party.country !== "LB") }] });
  expect(await parties()).toEqual(edges({ __typename: "Organization", slug: "hezbollah" }, { __typename: "Country", code: "IL" }));
});

test("an editor moving an article's date re-ranks its claims: the facts it speaks of are recomputed and logged", async () => {
  const { articleBySlug } = await gql<{ articleBySlug: { id: string } }>(`{ articleBySlug(slug: "2025-11-27-ceasefire-one-year-on") { id } }`);
  await gql(`mutation ($id: ID!) { updateArticle(id: $id, input: { publishedOn: "2025-12-31" }) { publishedOn } }`, { id: articleBySlug.id });
  const { ceasefires } = await gql<{ ceasefires: { edges: { node: { id: string; summary: string } }[] } }>(
    `{ ceasefires(first: 1) { edges { node { id summary } } } }`,
  );
  const ceasefire = ceasefires.edges[0].node;
  expect(ceasefire.summary).toBe(
    "Truce agreed on 27 November 2024 after more than a year of cross-border fire; Israeli strikes on Lebanon have not stopped since.",
  );
  const { history } = await gql<{ history: { via: string; action: string; after: Record<string, unknown> }[] }>(
    `query ($id: ID!) { history(entityId: $id) { via action after } }`,
    { id: ceasefire.id },
  );
  expect(history.at(-1)).toMatchObject({ via: "updateArticle", action: "UPDATED", after: { summary: ceasefire.summary } });
});

test("articles recorded at the same time (on a PostgreSQL server, in concurrent transactions) lose nothing of each other", async () => {
  await reset();
  await record(seed);
  await Promise.all(articles.map((document) => record(document)));
  expect(await graph()).toEqual(wholeGraph);
});
