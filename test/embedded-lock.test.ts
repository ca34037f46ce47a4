// One process per embedded data directory, with real processes: the built server and CLIs. A
// second server, and import / db:seed / db:migrate, are refused with one line naming the holder
// while a server runs; once it stops they work, and the server then sees what they recorded. A
// lock left by a dead process (or by a PID now used by another process) is taken over.
// Only the embedded database has a data directory: skipped against a PostgreSQL server.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/database/database";
import { runEntry, runEntryWithArgs } from "./support/cli";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { serverUrl } from "./support/test-database";

const onEmbedded = serverUrl ? describe.skip : describe;

const ARTICLE_BY_SLUG = `query ($slug: String!) { articleBySlug(slug: $slug) { slug title } }`;

async function articleBySlug(server: ServerProcess, slug: string): Promise<unknown> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: ARTICLE_BY_SLUG, variables: { slug } }),
  });
  return ((await response.json()) as { data: unknown }).data;
}

interface LockFile {
  pid: number;
  processStartedAt: string;
  command: string;
  url?: string;
  token: string;
}

onEmbedded("one process per embedded data directory", () => {
  let dir: string;
  let dataDir: string;
  let lockPath: string;
  let articleFile: string;
  const env = () => ({ EMBEDDED_DATA_DIR: dataDir });
  const readLock = () => JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockFile;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-lock-"));
    dataDir = path.join(dir, "pglite");
    lockPath = `${dataDir}.lock`;
    articleFile = path.join(dir, "article.json");
    fs.writeFileSync(
      articleFile,
      JSON.stringify({ article: { slug: "2026-04-01-while-running", title: "Recorded while a server ran", publisher: "Example Wire", publishedOn: "2026-04-01" } }),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe("while a server holds the directory", () => {
    let server: ServerProcess;
    let holder: string;
    beforeAll(async () => {
      server = await startServerProcess(env());
      const lock = readLock();
      holder = `process ${server.child.pid} (newsgraph server on ${server.url}/graphql, started ${lock.processStartedAt})`;
    }, 120_000);
    afterAll(() => server?.kill());

    test("the lock file beside the directory names the server and its URL", () => {
      expect(readLock()).toEqual({
        pid: server.child.pid,
        processStartedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        command: "server",
        url: `${server.url}/graphql`,
        token: expect.any(String),
      });
    });

    test("a second server on the same directory stops at start with one line; the first still serves", async () => {
      expect(await runEntry("main", { ...env(), HOST: "127.0.0.1", PORT: "0" })).toEqual({
        code: 1,
        stdout: "",
        stderr: `newsgraph: the embedded database in ${dataDir} is in use by ${holder}; stop it or set EMBEDDED_DATA_DIR\n`,
      });
      expect(await articleBySlug(server, "2025-12-03-naqura-civilian-talks")).toEqual({
        articleBySlug: { slug: "2025-12-03-naqura-civilian-talks", title: expect.any(String) },
      });
    });

    test.each([
      ["cli/import", "import", () => [articleFile], `stop it or send the document to that server's recordArticle mutation (docs/recording-articles.md)`],
      ["cli/seed", "db:seed", () => [], "stop it first (a server loads the seed itself into an empty database)"],
      ["cli/migrate", "db:migrate", () => [], "stop it first (a server applies pending migrations itself at start)"],
    ])("%s is refused with one line naming the server", async (entry, name, args, advice) => {
      expect(await runEntryWithArgs(entry, args(), env())).toEqual({
        code: 1,
        stdout: "",
        stderr: `${name}: the embedded database in ${dataDir} is in use by ${holder}; ${advice}\n`,
      });
      expect(await articleBySlug(server, "2026-04-01-while-running")).toEqual({ articleBySlug: null });
    }, 120_000);

    test("once the server stops (SIGTERM) the lock is gone, the import works, and the next server sees it", async () => {
      server.child.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);
      expect(fs.existsSync(lockPath)).toBe(false);

      expect(await runEntryWithArgs("cli/import", [articleFile], env())).toEqual({
        code: 0,
        stdout: `recorded ${articleFile}: 0 sourced facts (1 rows written)\n`,
        stderr: "",
      });
      expect(fs.existsSync(lockPath)).toBe(false);

      const next = await startServerProcess(env());
      try {
        expect(await articleBySlug(next, "2026-04-01-while-running")).toEqual({
          articleBySlug: { slug: "2026-04-01-while-running", title: "Recorded while a server ran" },
        });
      } finally {
        next.child.kill("SIGTERM");
        await next.exited;
      }
    }, 120_000);
  });

  describe("stale locks", () => {
    const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

    test.each([
      ["a process that no longer exists", () => ({ pid: deadPid(), processStartedAt: new Date().toISOString() })],
      // A PID reused by another process (here this test runner, started at another time than the lock says).
      ["a PID now used by a process started at another time", () => ({ pid: process.pid, processStartedAt: "2001-01-01T00:00:00.000Z" })],
    ])("a lock left by %s is taken over", async (_case, left) => {
      const stale = { ...left(), command: "server", url: "http://127.0.0.1:4000/graphql", token: "left-behind" };
      fs.writeFileSync(lockPath, JSON.stringify(stale));
      // The import answers only when it could open the directory; the article exists already.
      expect(await runEntryWithArgs("cli/import", [articleFile], env())).toEqual({
        code: 0,
        stdout: `${articleFile} is already recorded as it is: nothing changed (0 sourced facts)\n`,
        stderr: "",
      });
      expect(fs.existsSync(lockPath)).toBe(false);
    }, 120_000);
  });

  describe("within one process", () => {
    test("a directory this process holds is refused to a second open, and to commands; closing releases it", async () => {
      const first = await openDatabase({ kind: "embedded", dataDir }, "lock-test");
      try {
        const lock = readLock();
        expect(lock).toEqual({ pid: process.pid, processStartedAt: expect.any(String), command: "lock-test", token: expect.any(String) });
        await expect(openDatabase({ kind: "embedded", dataDir }, "lock-test-again")).rejects.toThrow(
          `the embedded database in ${dataDir} is in use by process ${process.pid} (newsgraph lock-test, this very process)`,
        );
        // Held by something other than a server: the command is told to wait.
        expect(await runEntryWithArgs("cli/import", [articleFile], env())).toEqual({
          code: 1,
          stdout: "",
          stderr:
            `import: the embedded database in ${dataDir} is in use by process ${process.pid} ` +
            `(newsgraph lock-test, started ${lock.processStartedAt}); wait until it has finished\n`,
        });
      } finally {
        await first.close();
      }
      expect(fs.existsSync(lockPath)).toBe(false);
    }, 120_000);
  });
});
