// What a server does with its database before it serves: migrate, then seed an empty one.
import { paths } from "../config";
import type { Database } from "./database";
import { migrate, readMigrations } from "./migrator";
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
  const seeded = options.seedIfEmpty && (await isEmpty(database.prisma));
  if (seeded) await seed(database.prisma);
  return { appliedMigrations, seeded };
}
