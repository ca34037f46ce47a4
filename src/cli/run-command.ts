// Shared frame for the command-line tools: open the configured database, run, close, and turn
// expected failures into one line on stderr and a non-zero exit.
import "reflect-metadata";
import { ConfigError, loadConfig } from "../config";
import { type Database, DatabaseUnavailableError, openDatabase } from "../database/database";
import { MigrationError } from "../database/migrator";
import { InvalidDocumentError } from "../importer/article-document";

const EXPECTED_ERRORS = [ConfigError, DatabaseUnavailableError, MigrationError, InvalidDocumentError];

export function runCommand(name: string, work: (database: Database) => Promise<string>): void {
  (async () => {
    const config = loadConfig();
    const database = await openDatabase(config.database);
    try {
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
