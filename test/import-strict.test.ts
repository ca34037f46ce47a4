// Strict article documents, through recordArticle (HTTP) and `npm run import` (the built CLI):
// every error of a document reported at once with its path, nothing written on a refusal (the
// whole database's digest), a different article under a recorded slug refused as CONFLICT, the
// same document twice changing nothing, and the seed article still importing unchanged.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/database/database";
import { runEntry, runEntryWithArgs } from "./support/cli";
import { snapshotTables, type TableSnapshot } from "./support/database-snapshot";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

const SEED_FILE = path.join(__dirname, "..", "prisma", "seed", "2025-12-03-naqura-civilian-talks.json");
const seedDocument = () => JSON.parse(fs.readFileSync(SEED_FILE, "utf8")) as { article: Record<string, unknown> } & Record<string, unknown>;

/** Tests that run the CLIs start PGlite in each process: several seconds each on a shared machine. */
const CLI_TIMEOUT_MS = 180_000;

const RECORD = `mutation ($document: JSONObject!) { recordArticle(document: $document) { facts article { slug title url } } }`;

/** A document with one error of every kind the checks find, several of some. */
const MANY_ERRORS = {
  format: 1,
  article: { slug: "2026-03-01-many-errors", title: "Many errors", publisher: "Example Wire", publishedOn: "2026-03-01", byline: "X" },
  countries: [
    { code: "UK", name: "United Kingdom" },
    { code: "XK", name: "Kosovo" },
    { code: "FR", name: "France" },
    { code: "FR", name: "France again" },
  ],
  people: [
    { slug: "ann-one", name: "Ann One", nationality: "XX" },
    { slug: "ann-one", name: "Ann Two", roles: [{ slug: "ann-role", title: "Envoy", status: "CURRENT", organization: "no-such-org" }] },
  ],
  ceasefires: [{ slug: "cf", name: "A ceasefire", status: "IN_FORCE", parties: [{ country: "FR", organization: "unifil" }, {}] }],
  meetings: [
    {
      slug: "many-errors-meeting",
      title: "A meeting",
      place: "atlantis",
      mediator: "ann-one",
      delegations: [{ country: "FR" }, { country: "FR", colour: "blue" }],
    },
  ],
  tags: ["unknown at the top"],
};

const MANY_ERRORS_LIST = [
  { path: "article.byline", message: "unknown field" },
  { path: "countries.0.code", message: `"UK" is not an ISO 3166-1 alpha-2 country code (the United Kingdom's is GB)` },
  { path: "people.0.nationality", message: `"XX" is not an ISO 3166-1 alpha-2 country code` },
  { path: "ceasefires.0.parties.0", message: "a party is either a country or an organization: give exactly one of them" },
  { path: "ceasefires.0.parties.1", message: "a party is either a country or an organization: give exactly one of them" },
  { path: "meetings.0.delegations.1.colour", message: "unknown field" },
  { path: "tags", message: "unknown field" },
  { path: "countries.3.code", message: 'country "FR" is defined twice (also at countries.2.code)' },
  { path: "people.1.slug", message: 'person "ann-one" is defined twice (also at people.0.slug)' },
  {
    path: "meetings.0.delegations.1.country",
    message: 'delegation of country "FR" is defined twice (also at meetings.0.delegations.0.country)',
  },
  { path: "people.1.roles.0.organization", message: 'no organization with key "no-such-org" in the document or the database' },
  { path: "meetings.0.place", message: 'no place with key "atlantis" in the document or the database' },
];

describe("recordArticle", () => {
  let server: TestServer;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    editor = await bearer({ subject: "alice@newsroom.example", roles: ["editor"] });
  });
  afterAll(() => server?.stop());

  const record = (document: unknown) => server.graphql(RECORD, { document: document as Record<string, unknown> }, editor);

  /** Records `document`, expects it refused with exactly `errors`, and the database untouched. */
  async function expectRefused(document: unknown, error: { message: string; extensions: Record<string, unknown> }) {
    const before: TableSnapshot = await snapshotTables(server.database);
    const response = await record(document);
    expect(response).toEqual({
      status: 200,
      body: {
        data: null,
        errors: [{ ...error, locations: [{ line: 1, column: 37 }], path: ["recordArticle"] }],
        extensions: expect.any(Object),
      },
    });
    expect(await snapshotTables(server.database)).toEqual(before);
  }

  test("every error of a document is reported at once, each at its path, and nothing is written", async () => {
    await expectRefused(MANY_ERRORS, {
      message: `The document has 12 errors: ${MANY_ERRORS_LIST.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
      extensions: { code: "BAD_USER_INPUT", field: "document.article.byline", errors: MANY_ERRORS_LIST },
    });
  });

  test("past 50 errors, the first 50 are listed and the rest counted", async () => {
    const places = Array.from({ length: 60 }, (_, i) => ({ slug: `place-${i}`, name: `Place ${i}`, country: "ZZ" }));
    const errors = places.slice(0, 50).map((_, i) => ({ path: `places.${i}.country`, message: `"ZZ" is not an ISO 3166-1 alpha-2 country code` }));
    await expectRefused(
      { article: { slug: "2026-03-02-sixty-errors", title: "t", publisher: "p", publishedOn: "2026-03-02" }, places },
      {
        message: `The document has 60 errors: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}; …and 10 more`,
        extensions: { code: "BAD_USER_INPUT", field: "document.places.0.country", errors, omittedErrors: 10 },
      },
    );
  });

  test.each([
    [5, "unsupported format 5: this newsgraph reads formats 1 to 4"],
    ["1", 'unsupported format "1": this newsgraph reads formats 1 to 4'],
  ])("an unknown format version (%j) is refused", async (format, message) => {
    await expectRefused(
      { format, article: { slug: "2026-03-03-future", title: "t", publisher: "p", publishedOn: "2026-03-03" } },
      { message: `format: ${message}`, extensions: { code: "BAD_USER_INPUT", field: "document.format", errors: [{ path: "format", message }] } },
    );
  });

  test("the seed article, which has no format, records unchanged; with format 1 too", async () => {
    const before = await snapshotTables(server.database);
    expect((await record(seedDocument())).body.errors).toBeUndefined();
    expect((await record({ format: 1, ...seedDocument() })).body.errors).toBeUndefined();
    expect(await snapshotTables(server.database)).toEqual(before);
  });

  test("XK (Kosovo, user-assigned) is accepted; the same document twice changes nothing the second time", async () => {
    const document = {
      article: { slug: "2026-03-04-pristina", title: "Talks in Pristina", publisher: "Example Wire", publishedOn: "2026-03-04", url: "https://example.org/a" },
      countries: [{ code: "XK", name: "Kosovo" }],
      places: [{ slug: "pristina", name: "Pristina", country: "XK" }],
    };
    const first = await record(document);
    expect(first.body).toEqual({
      data: { recordArticle: { facts: 2, article: { slug: document.article.slug, title: "Talks in Pristina", url: "https://example.org/a" } } },
      extensions: expect.any(Object),
    });
    const before = await snapshotTables(server.database);
    expect((await record(document)).body.data).toEqual(first.body.data);
    expect(await snapshotTables(server.database)).toEqual(before);

    // The same article may be corrected (its title is content, not identity).
    const corrected = await record({ ...document, article: { ...document.article, title: "Talks in Pristina, corrected" } });
    expect(corrected.body.errors).toBeUndefined();
  });

  test.each([
    ["url", { url: "https://example.org/another-story" }, "url differs"],
    ["publisher", { publisher: "Another Wire" }, "publisher differs"],
    ["publishedOn", { publishedOn: "2025-12-04" }, "publishedOn differs"],
    ["publisher and date", { publisher: "Another Wire", publishedOn: "2025-12-04" }, "publisher, publishedOn differ"],
  ])("a different article (%s) under a recorded article's slug is CONFLICT, nothing written", async (_case, change, differs) => {
    const seed = seedDocument();
    await expectRefused(
      { article: { ...seed.article, title: "Someone else's story", ...change } },
      {
        message:
          `article.slug: "2025-12-03-naqura-civilian-talks" is already the slug of a different article ` +
          `(published by AFP on 2025-12-03; this document's ${differs}): give the new article a slug of its own`,
        extensions: { code: "CONFLICT", field: "document.article.slug" },
      },
    );
  });

  test("createCountry follows the same country code rule", async () => {
    const create = `mutation ($input: CountryInput!) { createCountry(input: $input) { code } }`;
    const before = await snapshotTables(server.database);
    const refused = await server.graphql(create, { input: { code: "UK", name: "United Kingdom" } }, editor);
    expect(refused.body.errors).toEqual([
      {
        message: `\`input.code\` "UK" is not an ISO 3166-1 alpha-2 country code (the United Kingdom's is GB).`,
        locations: expect.any(Array),
        path: ["createCountry"],
        extensions: { code: "BAD_USER_INPUT", field: "input.code" },
      },
    ]);
    expect(await snapshotTables(server.database)).toEqual(before);
    const created = await server.graphql(create, { input: { code: "GB", name: "United Kingdom" } }, editor);
    expect(created.body.data).toEqual({ createCountry: { code: "GB" } });
  });

  test("an article's identity is changed with updateArticle; its document then records as the same article", async () => {
    const seed = seedDocument();
    const { body } = await server.graphql<{ articleBySlug: { id: string } }>(`{ articleBySlug(slug: "${seed.article.slug}") { id } }`);
    const url = "https://example.org/naqura";
    const update = await server.graphql(
      `mutation ($id: ID!) { updateArticle(id: $id, input: { url: "${url}" }) { url } }`,
      { id: body.data!.articleBySlug.id },
      editor,
    );
    expect(update.body.data).toEqual({ updateArticle: { url } });
    const withUrl = { ...seed, article: { ...seed.article, url } };
    const before = await snapshotTables(server.database);
    expect((await record(withUrl)).body.errors).toBeUndefined();
    expect(await snapshotTables(server.database)).toEqual(before);
    await expectRefused(
      seed,
      {
        message:
          `article.slug: "2025-12-03-naqura-civilian-talks" is already the slug of a different article ` +
          `(published by AFP on 2025-12-03 at ${url}; this document's url differs): give the new article a slug of its own`,
        extensions: { code: "CONFLICT", field: "document.article.slug" },
      },
    );
  });
});

describe("npm run import", () => {
  let dir: string;
  let database: TestDatabase;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-import-strict-"));
    database = await createTestDatabase(path.join(dir, "pglite"));
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };
  const runImport = (args: string[], env: Record<string, string> = {}) =>
    runEntryWithArgs("cli/import", args, { ...database.env, ...env });
  async function snapshot(): Promise<TableSnapshot> {
    const db = await openDatabase(database.config);
    try {
      return await snapshotTables(db);
    } finally {
      await db.close();
    }
  }

  test("the seed loads, and loading it again changes nothing", async () => {
    expect(await runEntry("cli/seed", database.env)).toEqual({ code: 0, stdout: "loaded 1 article(s) with 58 sourced facts (137 rows written)\n", stderr: "" });
    const before = await snapshot();
    expect(await runImport([SEED_FILE])).toEqual({ code: 0, stdout: `${SEED_FILE} is already recorded as it is: nothing changed (58 sourced facts)\n`, stderr: "" });
    expect(await snapshot()).toEqual(before);
  }, CLI_TIMEOUT_MS);

  test("a document's errors are printed one per line, exit 1, nothing written", async () => {
    const before = await snapshot();
    const file = write("many-errors.json", MANY_ERRORS);
    expect(await runImport([file])).toEqual({
      code: 1,
      stdout: "",
      stderr: MANY_ERRORS_LIST.map((e) => `import: ${e.path}: ${e.message}\n`).join(""),
    });
    expect(await snapshot()).toEqual(before);
  }, CLI_TIMEOUT_MS);

  test("a different article under a recorded slug: one line, exit 1, nothing written", async () => {
    const before = await snapshot();
    const seed = seedDocument();
    const file = write("conflict.json", { article: { ...seed.article, url: "https://example.org/other" } });
    expect(await runImport([file])).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `import: article.slug: "2025-12-03-naqura-civilian-talks" is already the slug of a different article ` +
        `(published by AFP on 2025-12-03; this document's url differs): give the new article a slug of its own\n`,
    });
    expect(await snapshot()).toEqual(before);
  }, CLI_TIMEOUT_MS);

  describe("the API's body size limit applies to the file", () => {
    // A valid document of about 150 KB: 300 places with long descriptions.
    const large = {
      article: { slug: "2026-03-05-large", title: "A large article", publisher: "Example Wire", publishedOn: "2026-03-05" },
      places: Array.from({ length: 300 }, (_, i) => ({ slug: `large-place-${i}`, name: `Large place ${i}`, description: "d".repeat(450) })),
    };

    test("refused by default (LIMIT_BODY_BYTES, 102400), nothing written", async () => {
      const file = write("large.json", large);
      const size = fs.statSync(file).size;
      expect(size).toBeGreaterThan(102_400);
      const before = await snapshot();
      expect(await runImport([file])).toEqual({
        code: 1,
        stdout: "",
        stderr:
          `import: ${file} is ${size} bytes, over the limit of 102400 (LIMIT_BODY_BYTES, the API's limit on a request body); ` +
          "pass --max-bytes N to raise it\n",
      });
      expect(await snapshot()).toEqual(before);
    }, CLI_TIMEOUT_MS);

    test("LIMIT_BODY_BYTES lowers it", async () => {
      const file = write("small.json", { article: { slug: "2026-03-06-small", title: "t", publisher: "p", publishedOn: "2026-03-06" } });
      const result = await runImport([file], { LIMIT_BODY_BYTES: "1024" });
      expect(result).toEqual({ code: 0, stdout: `recorded ${file}: 0 sourced facts (1 rows written)\n`, stderr: "" });
      const padded = write("padded.json", JSON.stringify({ article: { slug: "2026-03-06-padded", title: "t", publisher: "p", publishedOn: "2026-03-06" } }).padEnd(1025));
      expect((await runImport([padded], { LIMIT_BODY_BYTES: "1024" })).stderr).toBe(
        `import: ${padded} is 1025 bytes, over the limit of 1024 (LIMIT_BODY_BYTES, the API's limit on a request body); pass --max-bytes N to raise it\n`,
      );
    }, CLI_TIMEOUT_MS);

    test("--max-bytes raises it", async () => {
      const file = write("large.json", large);
      expect(await runImport(["--max-bytes", "1000000", file])).toEqual({ code: 0, stdout: `recorded ${file}: 300 sourced facts (601 rows written)\n`, stderr: "" });
    }, CLI_TIMEOUT_MS);

    test.each([
      [["--max-bytes"], "import: --max-bytes needs a positive number of bytes; usage: npm run import -- [--max-bytes N] <article.json>\n"],
      [["--max-bytes", "lots", "x.json"], "import: --max-bytes needs a positive number of bytes; usage: npm run import -- [--max-bytes N] <article.json>\n"],
      [["--no-limit", "x.json"], "import: unknown option --no-limit; usage: npm run import -- [--max-bytes N] <article.json>\n"],
      [["a.json", "b.json"], "import: usage: npm run import -- [--max-bytes N] <article.json>\n"],
    ])("bad arguments %j: one line, exit 1", async (args, stderr) => {
      expect(await runImport(args)).toEqual({ code: 1, stdout: "", stderr });
    }, CLI_TIMEOUT_MS);
  });
});
