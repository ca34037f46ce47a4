// What a server does with its database before it serves: migrate, then seed an empty one.
import { paths } from "../config";
import type { Database } from "../database/database";
import { migrate, readMigrations } from "../database/migrator";
import { isEmpty, seed } from "./seed";

export interface PrepareOptions {
  migrate: boolean;
  seedIfEmpty: boolean;
}

export interface PrepareReport {
  appliedMigrations: string[];
  seeded: boolean;
}

export async function prepareDatabase(database: Database, options: PrepareOptions): Promise<PrepareReport> {
  const appliedMigrations = options.migrate
    ? await database.withSession((session) => migrate(session, readMigrations(paths.migrations)))
    : [];
  const seeded = options.seedIfEmpty && (await seedIfEmpty(database));
  return { appliedMigrations, seeded };
}

/** Replicas starting together on an empty database: the lock lets one seed it, the rest see it seeded. */
const SEED_LOCK_KEY = 72707370;

async function seedIfEmpty(database: Database): Promise<boolean> {
  return database.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [SEED_LOCK_KEY]);
    try {
      if (!(await isEmpty(database.prisma))) return false;
      await seed(database.prisma);
      return true;
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK_KEY]);
    }
  });
}
