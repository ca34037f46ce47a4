// A real streaming standby of the test PostgreSQL server, for the read-replica tests: a base
// backup (pg_basebackup -R -X stream) into a temporary directory, started with pg_ctl on a free
// port of its own, stopped and removed afterwards. PostgreSQL refuses to run as root, so as root
// its programs run as the `postgres` user.
//
// Whether a standby can be made here is probed synchronously (standbyUnavailableReason), so that
// a test file can skip (or, with NEWSGRAPH_REQUIRE_STANDBY=1, fail) before it declares its tests.
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { withClient } from "./test-database";
import { waitFor } from "./wait";

const run = promisify(execFile);

const asRoot = process.getuid?.() === 0;

/** What is asked of the primary (its version, replication access, settings), in one child process. */
interface PrimaryFacts {
  major: number;
  replicationAllowed: boolean | null;
  settings: Record<string, string>;
}

// Hot standby refuses to start when these are lower than the primary's: copy the primary's.
const MATCHED_SETTINGS = ["max_connections", "max_worker_processes", "max_wal_senders", "max_prepared_transactions", "max_locks_per_transaction"];

function primaryFacts(primaryUrl: string): PrimaryFacts | string {
  const script = `
    const pg = require("pg");
    const client = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
    (async () => {
      await client.connect();
      const { rows: [{ num }] } = await client.query("SELECT current_setting('server_version_num')::int AS num");
      const { rows } = await client.query("SELECT name, setting FROM pg_settings WHERE name = ANY($1)", [${JSON.stringify(MATCHED_SETTINGS)}]);
      let replicationAllowed = null;
      try {
        const hba = await client.query("SELECT count(*)::int AS n FROM pg_hba_file_rules WHERE type = 'host' AND 'replication' = ANY(database) AND (address IS NULL OR address IN ('127.0.0.1', 'all', 'samehost'))");
        replicationAllowed = hba.rows[0].n > 0;
      } catch {} // not allowed to read the rules: pg_basebackup will tell
      await client.end();
      console.log(JSON.stringify({ major: Math.floor(num / 10000), replicationAllowed, settings: Object.fromEntries(rows.map((r) => [r.name, r.setting])) }));
    })().catch((error) => { console.error(error.message); process.exit(1); });`;
  const child = spawnSync(process.execPath, ["-e", script, primaryUrl], { encoding: "utf8", cwd: path.join(__dirname, "../..") });
  if (child.status !== 0) return `cannot ask the primary: ${child.stderr.trim()}`;
  return JSON.parse(child.stdout) as PrimaryFacts;
}

const binDir = (major: number) => `/usr/lib/postgresql/${major}/bin`;

/** Why no standby can be made of `primaryUrl` on this machine, or null when one can. */
export function standbyUnavailableReason(primaryUrl: string | null): string | null {
  if (!primaryUrl) return "no PostgreSQL server (NEWSGRAPH_TEST_DATABASE_URL is not set)";
  const facts = primaryFacts(primaryUrl);
  if (typeof facts === "string") return facts;
  for (const program of ["pg_basebackup", "pg_ctl", "postgres"]) {
    if (!fs.existsSync(path.join(binDir(facts.major), program))) return `${program} for PostgreSQL ${facts.major} is not in ${binDir(facts.major)}`;
  }
  if (asRoot && spawnSync("runuser", ["-u", "postgres", "--", "true"]).status !== 0) {
    return "running as root, and cannot run PostgreSQL's programs as the postgres user (runuser -u postgres)";
  }
  if (facts.replicationAllowed === false) {
    return "the primary's pg_hba.conf allows no replication connections from 127.0.0.1 (add `host replication all 127.0.0.1/32 trust`)";
  }
  return null;
}

/**
 * Why the standby tests are skipped here, or null when they run: they run wherever a standby can
 * be made, and wherever NEWSGRAPH_REQUIRE_STANDBY=1 (set by .ci/run) makes a missing one fail.
 */
export function standbySkipReason(primaryUrl: string | null): string | null {
  if (!primaryUrl) return "no PostgreSQL server (NEWSGRAPH_TEST_DATABASE_URL is not set)";
  if (process.env.NEWSGRAPH_REQUIRE_STANDBY === "1") return null;
  return standbyUnavailableReason(primaryUrl);
}

export interface PostgresStandby {
  port: number;
  /** `url` (a database on the primary) with the standby's host and port. */
  standbyUrl(url: string): string;
  /** Waits until the standby has replayed everything the primary had written when called. */
  caughtUp(): Promise<void>;
  /** Runs SQL on the standby (as the superuser, in its `postgres` database). */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs one of PostgreSQL's programs, as the postgres user when we are root. */
function runPostgresProgram(bin: string, args: string[]) {
  return asRoot ? run("runuser", ["-u", "postgres", "--", bin, ...args]) : run(bin, args);
}

export async function startStandby(primaryUrl: string): Promise<PostgresStandby> {
  const facts = primaryFacts(primaryUrl);
  if (typeof facts === "string") throw new Error(facts);
  const primary = new URL(primaryUrl);
  const bin = binDir(facts.major);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-standby-"));
  if (asRoot) fs.chownSync(dir, Number(idOf("-u")), Number(idOf("-g")));
  fs.chmodSync(dir, 0o700);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  let started = false;
  const stop = async () => {
    process.off("exit", stopAtExit);
    if (started) await runPostgresProgram(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    started = false;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A test run that ends without afterAll (a crash, a kill of jest's worker) must not leave a server behind.
  const stopAtExit = () => {
    const pgCtl = [path.join(bin, "pg_ctl"), "-D", dataDir, "-m", "immediate", "-w", "stop"];
    if (started) spawnSync(asRoot ? "runuser" : pgCtl[0], asRoot ? ["-u", "postgres", "--", ...pgCtl] : pgCtl.slice(1));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stopAtExit);
  try {
    await runPostgresProgram(path.join(bin, "pg_basebackup"), [
      "-h", primary.hostname, "-p", primary.port || "5432", "-U", decodeURIComponent(primary.username || "postgres"),
      "-D", dataDir, "-R", "-X", "stream", "-c", "fast", "--no-sync",
    ]);
    // The backup holds the data directory only: a Debian cluster keeps its configuration in
    // /etc/postgresql. The standby gets its own (primary_conninfo is in postgresql.auto.conf, from -R).
    const conf = [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      "hot_standby = on",
      "fsync = off",
      ...Object.entries(facts.settings).map(([name, value]) => `${name} = ${value}`),
    ];
    writeAsPostgres(path.join(dataDir, "postgresql.conf"), conf.join("\n") + "\n");
    writeAsPostgres(path.join(dataDir, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
    writeAsPostgres(path.join(dataDir, "pg_ident.conf"), "");
    await runPostgresProgram(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", path.join(dir, "postgresql.log"), "-w", "-t", "60", "start"]);
    started = true;
  } catch (error) {
    const log = readIfThere(path.join(dir, "postgresql.log"));
    await stop();
    throw new Error(`could not start a standby: ${(error as Error).message}${log ? `\n${log}` : ""}`, { cause: error });
  }

  const standbyUrl = (url: string) => {
    const standby = new URL(url);
    standby.hostname = "127.0.0.1";
    standby.port = String(port);
    return standby.toString();
  };
  const query = <T>(sql: string) => withClient(standbyUrl(primaryUrl), async (client) => (await client.query(sql)).rows as T[]);
  return {
    port,
    standbyUrl,
    query,
    async caughtUp() {
      const [{ lsn }] = await withClient(primaryUrl, async (client) => (await client.query("SELECT pg_current_wal_lsn()::text AS lsn")).rows);
      await waitFor(async () => {
        const [{ behind }] = await query<{ behind: boolean }>(
          `SELECT coalesce(pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn, true) AS behind`,
        ).catch(() => [{ behind: true }]);
        return !behind;
      }, `the standby replaying up to ${lsn}`);
    },
    stop,
  };
}

function idOf(flag: "-u" | "-g"): string {
  return spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim();
}

function writeAsPostgres(file: string, text: string): void {
  fs.writeFileSync(file, text, { mode: 0o600 });
  if (asRoot) fs.chownSync(file, Number(idOf("-u")), Number(idOf("-g")));
}

function readIfThere(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}
