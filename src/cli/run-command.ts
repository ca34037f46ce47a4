// Shared frame for the command-line tools: check what the command was given, open the configured
// database, run, close, and turn expected failures into one line on stderr (one per error of a
// refused document) and a non-zero exit.
import "reflect-metadata";
import { type Config, ConfigError, loadConfig } from "../config";
import { type Database, DatabaseUnavailableError, openDatabase } from "../database/database";
import { DatabaseInUseError } from "../database/embedded-lock";
import { MigrationError } from "../database/migrator";
import { prepareDatabase } from "../importer/prepare";
import { ArticleConflictError } from "../importer/article-identity";
import { InvalidDocumentError } from "../importer/document-issues";

/** A mistake in how the command was called, or in what it was given. */
export class CommandError extends Error {}

const EXPECTED_ERRORS = [ConfigError, DatabaseUnavailableError, MigrationError, CommandError, ArticleConflictError];

export interface CommandOptions<Input> {
  /** Apply pending migrations first (when MIGRATE_ON_START allows). */
  migrateFirst?: boolean;
  /** Reads and checks the command's input before the database is opened (and locked). */
  input?: (config: Config) => Input;
  /**
   * What to suggest when a running server holds the embedded database, after "stop it" (e.g.
   * "or send the document to its recordArticle mutation").
   */
  whileServerRuns?: string;
}

export function runCommand<Input = undefined>(
  name: string,
  work: (database: Database, input: Input) => Promise<string>,
  options: CommandOptions<Input> = {},
): void {
  (async () => {
    const config = loadConfig();
    const input = options.input ? options.input(config) : (undefined as Input);
    const database = await openDatabase(config.database, name);
    try {
      // Loading data into a database that lacks the tables would only fail obscurely.
      if (options.migrateFirst && config.migrateOnStart) {
        await prepareDatabase(database, { migrate: true, seedIfEmpty: false });
      }
      console.log(await work(database, input));
    } finally {
      await database.close();
    }
  })().catch((error: unknown) => {
    console.error(describeFailure(name, error, options.whileServerRuns));
    process.exit(1);
  });
}

function describeFailure(name: string, error: unknown, whileServerRuns = "first"): unknown {
  if (error instanceof InvalidDocumentError) return error.lines().map((line) => `${name}: ${line}`).join("\n");
  if (error instanceof DatabaseInUseError) {
    const advice = error.holder.command === "server" ? `stop it ${whileServerRuns}` : "wait until it has finished";
    return `${name}: ${error.message}; ${advice}`;
  }
  return EXPECTED_ERRORS.some((type) => error instanceof type) ? `${name}: ${(error as Error).message}` : error;
}
