// Opens the database the configuration names: a PostgreSQL server through @prisma/adapter-pg,
// or the embedded PostgreSQL (PGlite, in-process) so that the quick start needs no server.
// Both are reached through the same Prisma client; migrations and seeding use a raw SQL session.
import fs from "node:fs";
import { type Extension, PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseConfig } from "../config";
import { PrismaClient } from "../generated/prisma/client";
import { countingAdapter } from "./statement-counter";

// Name search (see the name_search migration) needs unaccent and pg_trgm. PGlite's contrib
// packages declare only ESM types, though they ship a CommonJS build: hence require().
const { unaccent } = require("@electric-sql/pglite/contrib/unaccent") as { unaccent: Extension };
const { pg_trgm } = require("@electric-sql/pglite/contrib/pg_trgm") as { pg_trgm: Extension };

/** A raw SQL connection, for work Prisma's client cannot do (multi-statement scripts, session locks). */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements. */
  exec(sql: string): Promise<void>;
}

export interface Database {
  kind: DatabaseConfig["kind"];
  prisma: PrismaClient;
  /** Runs `work` on one dedicated connection (session-level locks hold for its duration). */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const database = config.kind === "postgres" ? openPostgres(config.url) : await openEmbedded(config.dataDir);
  try {
    await database.withSession((session) => session.query("SELECT 1"));
  } catch (error) {
    await database.close().catch(() => undefined);
    throw new DatabaseUnavailableError(`cannot reach the database: ${describe(error)}`);
  }
  return database;
}

function createPrisma(adapter: SqlDriverAdapterFactory): PrismaClient {
  return new PrismaClient({ adapter: countingAdapter(adapter) });
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server emits 'error' on the pool; without a listener that
  // would crash the process. The next query reports the failure instead.
  pool.on("error", () => undefined);
  const prisma = createPrisma(new PrismaPg(pool));
  return {
    kind: "postgres",
    prisma,
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
          exec: async (sql) => void (await client.query(sql)),
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openEmbedded(dataDir: string | null): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ?? undefined, { extensions: { unaccent, pg_trgm } });
  const prisma = createPrisma(new PrismaPGlite(pglite));
  return {
    kind: "embedded",
    prisma,
    // PGlite is a single connection: a session is that connection.
    withSession: (work) =>
      work({
        query: async (sql, params) => (await pglite.query(sql, params as unknown[])).rows as never[],
        exec: async (sql) => void (await pglite.exec(sql)),
      }),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || error.constructor.name;
  return String(error);
}
