// The database commands, run as built CLIs against a database of their own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/database/database";
import { runEntry } from "./support/cli";
import { createTestDatabase, databaseKind, type TestDatabase } from "./support/test-database";

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
  "article", "ceasefire", "ceasefire_party", "country", "delegation", "delegation_member", "fact_source",
  "meeting", "organization", "person", "person_role", "place", "plan", "reported_figure", "statement",
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
  expect(first).toMatchObject({
    code: 0,
    stdout: "applied 2 migration(s): 20261125030000_init, 20261125040000_name_search\n",
  });
  const second = await runEntry("cli/migrate", database.env);
  expect(second).toMatchObject({ code: 0, stdout: "database is up to date\n" });

  const db = await openDatabase(database.config);
  try {
    const rows = await db.withSession((session) =>
      session.query(`SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished,
                            rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    const { createHash } = await import("node:crypto");
    const migrations = fs.readdirSync(path.join(__dirname, "..", "prisma", "migrations")).filter((name) => /^\d/.test(name));
    expect(rows).toEqual(
      migrations.sort().map((name) => ({
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
  expect(first).toMatchObject({ code: 0, stdout: "loaded 1 article(s) with 58 sourced facts\n" });
  const afterFirst = await rowCounts();
  expect(afterFirst).toEqual({
    article: 1, ceasefire: 1, ceasefire_party: 2, country: 6, delegation: 5, delegation_member: 2, fact_source: 58,
    meeting: 2, organization: 10, person: 8, person_role: 7, place: 3, plan: 1, reported_figure: 2, statement: 11,
  });
  const second = await runEntry("cli/seed", database.env);
  expect(second.code).toBe(0);
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
      "applied 2 migration(s): 20261125030000_init, 20261125040000_name_search\n",
      "database is up to date\n",
    ]);
  } finally {
    await fresh.drop();
  }
});
