// The database commands, run as built CLIs against a database of their own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/database/database";
import { runEntry, runEntryWithArgs } from "./support/cli";
import { createTestDatabase, databaseKind, type TestDatabase } from "./support/test-database";

const MIGRATIONS = fs
  .readdirSync(path.join(__dirname, "..", "prisma", "migrations"))
  .filter((name) => /^\d/.test(name))
  .sort();

let dataDir: string;
let database: TestDatabase;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-cli-"));
  database = await createTestDatabase(path.join(dataDir, "pglite"));
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const TABLES = [
  "agreement", "agreement_signatory", "article", "ceasefire", "ceasefire_party", "country", "delegation", "delegation_member", "fact_source",
  "mediation", "meeting", "organization", "person", "person_role", "place", "plan", "reported_figure", "statement", "statement_speaker",
];

async function rowCounts(): Promise<Record<string, number>> {
  const db = await openDatabase(database.config);
  try {
    return await db.withSession(async (session) => {
      const counts: Record<string, number> = {};
      for (const table of TABLES) {
        const [row] = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
        counts[table] = row.n;
      }
      return counts;
    });
  } finally {
    await db.close();
  }
}

test("db:migrate applies the migrations once and records them as Prisma Migrate does", async () => {
  const first = await runEntry("cli/migrate", database.env);
  expect(first).toMatchObject({ code: 0, stdout: `applied ${MIGRATIONS.length} migration(s): ${MIGRATIONS.join(", ")}\n` });
  const second = await runEntry("cli/migrate", database.env);
  expect(second).toMatchObject({ code: 0, stdout: "database is up to date\n" });

  const db = await openDatabase(database.config);
  try {
    const rows = await db.withSession((session) =>
      session.query(`SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished,
                            rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    const { createHash } = await import("node:crypto");
    expect(rows).toEqual(
      MIGRATIONS.map((name) => ({
        migration_name: name,
        checksum: createHash("sha256")
          .update(fs.readFileSync(path.join(__dirname, "..", "prisma", "migrations", name, "migration.sql")))
          .digest("hex"),
        applied_steps_count: 1,
        finished: true,
        rolled_back_at: null,
      })),
    );
  } finally {
    await db.close();
  }
});

test("db:seed loads the article, and loading it again changes no row count", async () => {
  const first = await runEntry("cli/seed", database.env);
  expect(first).toMatchObject({ code: 0, stdout: "loaded 1 article(s) with 58 sourced facts (137 rows written)\n" });
  const afterFirst = await rowCounts();
  // 78 rows and the 58 links from its facts to the article: the "rows written" above.
  expect(afterFirst).toEqual({
    agreement: 0, agreement_signatory: 0, article: 1, ceasefire: 1, ceasefire_party: 2, country: 6, delegation: 5, delegation_member: 2, fact_source: 58,
    mediation: 2, meeting: 2, organization: 10, person: 8, person_role: 7, place: 3, plan: 1, reported_figure: 2, statement: 11, statement_speaker: 15,
  });
  const second = await runEntry("cli/seed", database.env);
  expect(second).toMatchObject({ code: 0, stdout: "the 1 seed article(s) are already recorded as they are: nothing changed\n" });
  expect(await rowCounts()).toEqual(afterFirst);
});

test("a malformed DATABASE_URL stops the command with one clear line", async () => {
  const result = await runEntry("cli/migrate", { DATABASE_URL: "mysql://nope" });
  expect(result).toEqual({
    code: 1,
    stdout: "",
    stderr: "db:migrate: invalid configuration: DATABASE_URL must be a postgresql:// URL\n",
  });
});

test("an unreachable database stops the server at start with one clear line", async () => {
  const result = await runEntry("main", { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/newsgraph", PORT: "0" });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^newsgraph: cannot reach the database: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
});

test("an invalid PORT names the variable", async () => {
  const result = await runEntry("main", { PORT: "http" });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^newsgraph: invalid configuration: PORT /);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
});

// PGlite is one process's database; concurrent starts only exist against a server.
const onServer = databaseKind === "postgres" ? test : test.skip;
onServer("two migrations started at once against one database apply it once", async () => {
  const fresh = await createTestDatabase();
  try {
    const results = await Promise.all([runEntry("cli/migrate", fresh.env), runEntry("cli/migrate", fresh.env)]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(results.map((r) => r.stdout).sort()).toEqual([
      `applied ${MIGRATIONS.length} migration(s): ${MIGRATIONS.join(", ")}\n`,
      "database is up to date\n",
    ]);
  } finally {
    await fresh.drop();
  }
});

describe("npm run import", () => {
  const write = (name: string, content: string) => {
    const file = path.join(dataDir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const runImport = (...args: string[]) => runEntryWithArgs("cli/import", args, database.env);

  test("records a document, and recording it again changes no row count", async () => {
    const file = write(
      "second.json",
      JSON.stringify({
        article: { slug: "2026-02-01-follow-up", title: "Follow-up talks", publisher: "Example Wire", publishedOn: "2026-02-01" },
        meetings: [{ slug: "follow-up-2026-01-31", title: "Follow-up", date: "2026-01-31", place: "naqura", delegations: [{ country: "LB" }] }],
      }),
    );
    expect(await runImport(file)).toEqual({ code: 0, stdout: `recorded ${file}: 2 sourced facts (5 rows written)\n`, stderr: "" });
    const counts = await rowCounts();
    expect(counts.article).toBe(2);
    expect(await runImport(file)).toEqual({ code: 0, stdout: `${file} is already recorded as it is: nothing changed (2 sourced facts)\n`, stderr: "" });
    expect(await rowCounts()).toEqual(counts);
  });

  test("records the follow-up articles of test/fixtures beside the seed; importing them again changes nothing, claims and history included", async () => {
    const fixtures = path.join(__dirname, "fixtures", "articles");
    const files = fs.readdirSync(fixtures).sort().map((name) => path.join(fixtures, name));
    const claimsAndChanges = async () => {
      const db = await openDatabase(database.config);
      try {
        return await db.withSession((session) =>
          session.query(`SELECT (SELECT md5(string_agg(c::text, '|' ORDER BY c.id)) FROM "claim" c) AS claims,
                                (SELECT count(*)::int FROM "change") AS changes`),
        );
      } finally {
        await db.close();
      }
    };
    for (const file of files) expect(await runImport(file)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^recorded /) });
    const counts = await rowCounts();
    const claims = await claimsAndChanges();
    for (const file of files) {
      expect(await runImport(file)).toMatchObject({ code: 0, stdout: expect.stringContaining("is already recorded as it is: nothing changed") });
    }
    expect([await rowCounts(), await claimsAndChanges()]).toEqual([counts, claims]);
  });

  test.each([
    [[], "import: usage: npm run import -- [--max-bytes N] <article.json>\n"],
    [["/nonexistent/article.json"], "import: cannot read /nonexistent/article.json: ENOENT\n"],
  ])("bad arguments %j exit 1 with one line", async (args, stderr) => {
    expect(await runImport(...args)).toEqual({ code: 1, stdout: "", stderr });
  });

  test.each([
    ["not JSON", "{ article: ", /^import: .*bad\.json is not valid JSON: /],
    ["a bad field", JSON.stringify({ article: { slug: "Bad Slug", title: "t", publisher: "p", publishedOn: "2026-01-01" } }), /^import: article\.slug: must be a lowercase slug/],
    [
      "an unknown reference",
      JSON.stringify({
        article: { slug: "dangling", title: "t", publisher: "p", publishedOn: "2026-01-01" },
        meetings: [{ slug: "dangling-meeting", title: "t", place: "atlantis" }],
      }),
      /^import: meetings\.0\.place: no place with key "atlantis" in the document or the database\n$/,
    ],
  ])("a document with %s exits 1 with one line and writes nothing", async (_case, content, stderr) => {
    const before = await rowCounts();
    const result = await runImport(write("bad.json", content));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(await rowCounts()).toEqual(before);
  });
});
