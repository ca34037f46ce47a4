// Shared frame for the command-line tools: open the configured database, run, close, and turn
// expected failures into one line on stderr and a non-zero exit.
import "reflect-metadata";
import { ConfigError, loadConfig } from "../config";
import { type Database, DatabaseUnavailableError, openDatabase } from "../database/database";
import { MigrationError } from "../database/migrator";
import { prepareDatabase } from "../database/prepare";
import { InvalidDocumentError } from "../importer/article-document";

/** A mistake in how the command was called, or in what it was given. */
export class CommandError extends Error {}

const EXPECTED_ERRORS = [ConfigError, DatabaseUnavailableError, MigrationError, InvalidDocumentError, CommandError];

export function runCommand(
  name: string,
  work: (database: Database) => Promise<string>,
  options: { migrateFirst?: boolean } = {},
): void {
  (async () => {
    const config = loadConfig();
    const database = await openDatabase(config.database);
    try {
      // Loading data into a database that lacks the tables would only fail obscurely.
      if (options.migrateFirst && config.migrateOnStart) {
        await prepareDatabase(database, { migrate: true, seedIfEmpty: false });
      }
      console.log(await work(database));
    } finally {
      await database.close();
    }
  })().catch((error: unknown) => {
    const expected = EXPECTED_ERRORS.some((type) => error instanceof type);
    console.error(expected ? `${name}: ${(error as Error).message}` : error);
    process.exit(1);
  });
}
