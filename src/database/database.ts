// Opens the database the configuration names: a PostgreSQL server through @prisma/adapter-pg,
// or the embedded PostgreSQL (PGlite, in-process) so that the quick start needs no server.
// Both are reached through the same Prisma client; migrations and seeding use a raw SQL session.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { Extension, PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { DATABASE_DEFAULTS, type DatabaseConfig } from "../config";
import { PrismaClient } from "../generated/prisma/client";
import { type DataDirLock, lockDataDir } from "./embedded-lock";
import { listenOnServer, type NotificationHandlers, type StopListening } from "./notifications";
import type { PoolStats, ReplicaLag } from "../observability/metrics";
import { countingAdapter, preparedStatementName, runCounted, type StatementScope } from "../observability/statement-counter";

/** A raw SQL connection, for work Prisma's client cannot do (multi-statement scripts, session locks). */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements. */
  exec(sql: string): Promise<void>;
}

/**
 * Runs one read statement whose single row and column is text (the compiled reads: PostgreSQL
 * builds their JSON), on `pg` directly, prepared once per connection when the statement is marked;
 * counted in `scope`, the request's, when given.
 */
export type TextRead = (sql: string, params: readonly unknown[], scope?: StatementScope) => Promise<string>;

/** Where a request's reads go: a Prisma client, and the compiled reads' path when there is one. */
export interface ReadPath {
  prisma: PrismaClient;
  readText?: TextRead;
}

export interface Database {
  kind: DatabaseConfig["kind"];
  /** Reads outside transactions go to a read replica when there are any; the rest to the primary. */
  prisma: PrismaClient;
  /**
   * The compiled reads' path on a PostgreSQL server, a replica when there are any (like Prisma's
   * reads). Not through Prisma: its raw-query path cost ~0.04 ms more per call than `pg`, and
   * kept each call's objects alive past young-generation collections (docs/performance.md). The
   * embedded database has none: its reads stay on Prisma.
   */
  readText?: TextRead;
  /**
   * Reads that must see the latest writes (mutations, and requests that ask for it: read-your-
   * writes): the primary's client and pool. Without replicas, the same as `prisma`/`readText`.
   */
  primaryReads: ReadPath;
  /**
   * Each read replica's lag, asked of the replicas now; one that does not answer (or is no
   * standby) is left out. Empty without replicas.
   */
  replicaLag(): Promise<ReplicaLag[]>;
  /**
   * Runs `work` on one dedicated connection (session-level locks hold for its duration). Sessions
   * are for maintenance (migrations): no statement timeout applies, unlike requests' queries.
   */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * LISTENs on a channel of the primary (database/notifications.ts): notifications in commit
   * order, kept up across lost connections. Resolves once listening.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<StopListening>;
  /** Runs `SELECT 1` through the request pool and each replica's: rejects if any is unreachable. */
  ping(): Promise<void>;
  /** Connection pool usage, the primary's first. The embedded database is a single connection. */
  stats(): PoolStats[];
  /** The embedded database's lock on its data directory (none in memory or on a server). */
  lock?: DataDirLock;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/**
 * Opens the configured database. `command` says who opens it (`server`, `import`...): an
 * embedded data directory is locked in its name, and one held by another process is refused
 * with DatabaseInUseError naming that process.
 */
export async function openDatabase(config: DatabaseConfig, command = defaultCommand()): Promise<Database> {
  const database = config.kind === "postgres" ? openPostgres(config) : await openEmbedded(config.dataDir, command);
  try {
    await database.ping();
  } catch (error) {
    await database.close().catch(() => undefined);
    throw new DatabaseUnavailableError(`cannot reach the database: ${describe(error)}`);
  }
  return database;
}

function createPrisma(adapter: SqlDriverAdapterFactory, target = "primary"): PrismaClient {
  // "minimal": error messages without the invocation's source and arguments (they reach logs).
  return new PrismaClient({ adapter: countingAdapter(adapter, target), errorFormat: "minimal" });
}

/** How much longer than the statement timeout the client waits for a server that sends nothing. */
const REPLY_GRACE_MS = 1_000;

function openPostgres(config: Extract<DatabaseConfig, { kind: "postgres" }>): Database {
  const timeoutMs = config.timeoutMs ?? DATABASE_DEFAULTS.timeoutMs;
  const max = config.poolSize ?? DATABASE_DEFAULTS.poolSize;
  const openPool = (url: string) => {
    const pool = new pg.Pool({
      connectionString: url,
      max,
      // Fail fast rather than hang when the server is down, overloaded or silent: bound the
      // wait for a connection, each statement on the server, and the wait for any reply.
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
      query_timeout: timeoutMs + REPLY_GRACE_MS,
      keepAlive: true,
    });
    // An idle client that loses its server emits 'error' on the pool; without a listener that
    // would crash the process. The pool drops that client; the next query reports the failure.
    pool.on("error", () => undefined);
    return pool;
  };
  const pools = [{ target: "primary", pool: openPool(config.url) }];
  const replicas = (config.replicaUrls ?? []).map((url, i) => {
    const target = `replica-${i + 1}`;
    const pool = openPool(url);
    pools.push({ target, pool });
    return createPrisma(new PrismaPg(pool), target);
  });
  const primary = createPrisma(new PrismaPg(pools[0].pool));
  const readPools = pools.length > 1 ? pools.slice(1) : pools;
  const textReader = (candidates: typeof pools): TextRead => async (sql, params, scope) => {
    const { target, pool } = candidates[Math.floor(Math.random() * candidates.length)];
    // Marked statements are prepared once per connection: PostgreSQL plans the large
    // JSON-building reads in about a millisecond, every time they run unnamed.
    const name = preparedStatementName(sql);
    const result = await runCounted(target, sql, () =>
      pool.query<[string]>({ text: sql, values: params as unknown[], rowMode: "array", ...(name ? { name } : {}) }),
      scope,
    );
    const [[text]] = result.rows;
    // With a reply timeout (query_timeout) pg leaves each query's result reachable until V8's
    // next full collection, so the JSON text (tens of KB a read) was promoted out of the young
    // generation every time: ~45 % of what these reads allocated, and most of the peak memory of
    // large reads. Letting go of the rows here ends that (measured in docs/performance.md, "Memory").
    result.rows = [];
    return text;
  };
  const readText = textReader(readPools);
  // Prisma's read-replica extension keeps the client's API (plus $primary()/$replica()).
  const prisma = replicas.length
    ? (primary.$extends(readReplicas({ replicas: replicas as never[] })) as unknown as PrismaClient)
    : primary;
  return {
    kind: "postgres",
    prisma,
    readText,
    primaryReads: replicas.length
      ? { prisma: (prisma as unknown as { $primary(): PrismaClient }).$primary(), readText: textReader(pools.slice(0, 1)) }
      : { prisma, readText },
    replicaLag: async () => {
      const lags = await Promise.all(pools.slice(1).map(({ target, pool }) => replicaLagOf(target, pool)));
      return lags.filter((lag) => lag !== null);
    },
    async withSession(work) {
      const client = new pg.Client({ connectionString: config.url, connectionTimeoutMillis: timeoutMs, keepAlive: true });
      client.on("error", () => undefined); // a lost server fails the pending query instead
      await client.connect();
      try {
        return await work({
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
          exec: async (sql) => void (await client.query(sql)),
        });
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    listen: (channel, handlers) => listenOnServer(config.url, channel, handlers, timeoutMs),
    async ping() {
      await Promise.all(
        pools.map(({ target, pool }) =>
          pool.query("SELECT 1").catch((error: unknown) => {
            throw target === "primary" ? error : new Error(`${target}: ${describe(error)}`, { cause: error });
          }),
        ),
      );
    },
    stats: () =>
      pools.map(({ target, pool }) => ({
        target,
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
        max,
      })),
    async close() {
      await prisma.$disconnect(); // the extension's $disconnect also disconnects the replicas
      await Promise.all(pools.map(({ pool }) => pool.end()));
    },
  };
}

/**
 * Asked of the replica itself, so that no connection to the primary is needed: WAL received but
 * not yet replayed, and while there is any, how old the last replayed transaction is (with
 * nothing to replay, the replica is current however long ago the primary last wrote). NULLs (not
 * a standby) and a replica that does not answer give null: no figure rather than a wrong one.
 */
// Each position is read once, so that the two figures describe the same moment: while WAL
// streams in, two calls of pg_last_wal_receive_lsn() in one statement can differ.
const REPLICA_LAG_SQL = `SELECT pg_wal_lsn_diff(received, replayed)::float8 AS bytes,
  CASE WHEN received = replayed THEN 0
       ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS seconds
  FROM (SELECT pg_last_wal_receive_lsn() AS received, pg_last_wal_replay_lsn() AS replayed) AS position`;

async function replicaLagOf(target: string, pool: pg.Pool): Promise<ReplicaLag | null> {
  try {
    const { rows: [row] } = await pool.query<{ bytes: number | null; seconds: number | null }>(REPLICA_LAG_SQL);
    // No transaction replayed since the replica started: its age is unknown (NaN), not zero.
    return row.bytes === null ? null : { target, bytes: Math.max(0, row.bytes), seconds: row.seconds === null ? Number.NaN : Math.max(0, row.seconds) };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL's memory settings for the embedded database. PGlite keeps PostgreSQL's defaults
 * (128 MB of shared buffers), and its WebAssembly memory only grows: measured, the process sat at
 * ~530 MB RSS idle. A news graph of a few thousand articles fits in far less; with these the
 * embedded server idles at about half that (docs/operations.md, "Memory"). A PostgreSQL server
 * is tuned by its operator, not here.
 */
const EMBEDDED_POSTGRESQL_CONF = ["shared_buffers = 16MB", "maintenance_work_mem = 16MB", "temp_buffers = 2MB"];

/**
 * Creates a new embedded data directory (PostgreSQL's initdb) in a short-lived child process.
 * initdb runs in a WebAssembly instance of its own, and the process that ran it kept ~130 MB more
 * memory afterwards than one that opened an existing directory (measured: ~410 against ~275 MB
 * RSS idle), so the first start of the quick start would idle at the higher figure for ever.
 */
async function initializeDataDir(dataDir: string): Promise<void> {
  if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) return;
  fs.mkdirSync(dataDir, { recursive: true });
  const pglite = JSON.stringify(require.resolve("@electric-sql/pglite"));
  const script = `require(${pglite}).PGlite.create(${JSON.stringify(dataDir)}).then((db) => db.close())`;
  try {
    await promisify(execFile)(process.execPath, ["-e", script]);
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split("\n").at(-1) ?? String(error);
    throw new DatabaseUnavailableError(`could not create the embedded database in ${dataDir}: ${detail}`);
  }
}

/**
 * PGlite and its adapter, loaded when the embedded database is opened: a server on a PostgreSQL
 * server never needs them (~4.6 MB of resident memory). require(), not import(): under node16
 * resolution import() would type PGlite from its ESM declarations, a different class to the
 * compiler than the CommonJS one the rest of this file names. Name search (the name_search
 * migration) needs unaccent and pg_trgm; their contrib packages declare only ESM types.
 */
function loadPGlite() {
  const { PGlite } = require("@electric-sql/pglite") as typeof import("@electric-sql/pglite");
  const { PrismaPGlite } = require("pglite-prisma-adapter") as typeof import("pglite-prisma-adapter");
  const { unaccent } = require("@electric-sql/pglite/contrib/unaccent") as { unaccent: Extension };
  const { pg_trgm } = require("@electric-sql/pglite/contrib/pg_trgm") as { pg_trgm: Extension };
  return { PGlite, PrismaPGlite, extensions: { unaccent, pg_trgm } };
}

async function openEmbedded(dataDir: string | null, command: string): Promise<Database> {
  const { PGlite, PrismaPGlite, extensions } = loadPGlite();
  // A memory-only database belongs to its process alone: nothing to lock.
  const lock = dataDir ? lockDataDir(dataDir, command) : undefined;
  let pglite: PGlite;
  try {
    if (dataDir) await initializeDataDir(dataDir);
    pglite = await PGlite.create(dataDir ?? undefined, {
      extensions,
      postgresqlconf: EMBEDDED_POSTGRESQL_CONF,
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const prisma = createPrisma(new PrismaPGlite(pglite));
  return {
    kind: "embedded",
    prisma,
    primaryReads: { prisma },
    replicaLag: async () => [],
    lock,
    // PGlite is a single connection: a session is that connection.
    withSession: (work) =>
      work({
        query: async (sql, params) => (await pglite.query(sql, params as unknown[])).rows as never[],
        exec: async (sql) => void (await pglite.exec(sql)),
      }),
    // In-process: the connection cannot be lost, so there is nothing to reconnect.
    listen: async (channel, handlers) => {
      const unlisten = await pglite.listen(channel, (payload) => handlers.onNotification(payload));
      return async () => unlisten();
    },
    ping: async () => void (await pglite.query("SELECT 1")),
    stats: () => [{ target: "primary", total: 1, idle: 1, waiting: 0, max: 1 }],
    async close() {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        lock?.release(); // only once PostgreSQL has written everything out
      }
    },
  };
}

/** The name a process that does not say otherwise holds a data directory under: its script. */
function defaultCommand(): string {
  return path.basename(process.argv[1] ?? "node", ".js");
}

/**
 * True when `error` (or what it wraps) says the database cannot be reached or did not answer in
 * time: refused or lost connections, connect/statement/reply timeouts, a transaction that could
 * not start in time, a server shutting down or out of connections. Such errors are transient:
 * requests fail fast with SERVICE_UNAVAILABLE and succeed again once the database is back. Covers what pg, @prisma/adapter-pg and Prisma throw.
 */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const e = error as {
    code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown;
    meta?: { driverAdapterError?: unknown }; errors?: unknown[];
  };
  if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith("08"))) return true;
  if (typeof e.originalCode === "string" && UNAVAILABLE_CODES.has(e.originalCode)) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (e.code === "P2028" && typeof e.message === "string" && TRANSACTION_START_TIMEOUT.test(e.message)) return true;
  const inner = [e.cause, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((next) => isDatabaseUnavailableError(next, depth + 1));
}

const UNAVAILABLE_CODES = new Set([
  // Prisma: can't reach, timed out, operations timed out, server closed the connection, pool timeout
  "P1001", "P1002", "P1008", "P1017", "P2024",
  // PostgreSQL: shutting down, crashed, starting up, statement timeout, too many connections
  "57P01", "57P02", "57P03", "57014", "53300",
  // sockets
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN",
]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// pg's own errors carry no code: lost connection, connect timeout, pool wait timeout, reply timeout.
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed)/;

// Prisma's P2028 is every "Transaction API error"; only this one says the database (or the pool
// in front of it, as P2024 does) did not answer: an interactive transaction (every write) could
// not even BEGIN within `maxWait`. Its siblings (a transaction expired, closed or not found)
// follow from our own code or a transaction that ran too long, and stay internal errors.
const TRANSACTION_START_TIMEOUT = /^Transaction API error: Unable to start a transaction in the given time\.$/;

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || error.constructor.name;
  return String(error);
}
