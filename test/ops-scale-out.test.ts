// Scale-out: two server processes on one PostgreSQL database, started at the same time. The
// migrations run once (under the advisory lock), and since neither keeps state between requests,
// what is written is read through either. newsgraph has no mutations yet: the writes are server
// A's start-up seed import and article imports made here through the database layer.
import { paths } from "../src/config";
import { openDatabase } from "../src/database/database";
import { readMigrations } from "../src/database/migrator";
import { ARTICLE_BY_SLUG, writeTestArticle } from "./support/article-writes";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { createTestDatabase, databaseKind, type TestDatabase } from "./support/test-database";

// PGlite is one process's database; replicas only exist against a server.
const onServer = databaseKind === "postgres" ? test : test.skip;

let database: TestDatabase | undefined;
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  await database?.drop();
});

async function articleThrough(server: ServerProcess, slug: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: ARTICLE_BY_SLUG, variables: { slug } }),
  });
  return { status: response.status, body: await response.json() };
}

onServer("two replicas on one database: migrations run once, a write through one is read through the other", async () => {
  database = await createTestDatabase();
  const [a, b] = await Promise.all([
    startServerProcess({ ...database.env, MIGRATE_ON_START: "true", SEED_ON_EMPTY: "true" }),
    startServerProcess({ ...database.env, MIGRATE_ON_START: "true", SEED_ON_EMPTY: "false" }),
  ]);
  servers.push(a, b);

  // The migrations ran once: one process applied them all, the other found nothing to do.
  const migrations = readMigrations(paths.migrations).map((migration) => migration.name);
  const applied = [...a.logs, ...b.logs].filter((line) => line.msg === "applied migrations");
  expect(applied.map((line) => line.migrations)).toEqual([migrations]);
  const db = await openDatabase(database.config);
  try {
    const rows = await db.withSession((session) =>
      session.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    expect(rows).toEqual(migrations.map((name) => ({ migration_name: name })));

    // A wrote the seed article at start; B reads it.
    const seeded = "2025-12-03-naqura-civilian-talks";
    expect((await articleThrough(b, seeded)).body).toEqual({
      data: { articleBySlug: { slug: seeded, title: expect.any(String) } },
    });

    // Both answer "not there" first, so neither can be serving the later answer from memory.
    const slug = "scale-out-write-1";
    for (const server of [a, b]) {
      expect(await articleThrough(server, slug)).toEqual({ status: 200, body: { data: { articleBySlug: null } } });
    }
    await writeTestArticle(db, slug);
    for (const server of [b, a]) {
      expect(await articleThrough(server, slug)).toEqual({
        status: 200,
        body: { data: { articleBySlug: { slug, title: `Test article ${slug}` } } },
      });
    }
  } finally {
    await db.close();
  }
  for (const server of [a, b]) {
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(200);
  }
});
