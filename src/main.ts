// Entry point: configuration → database (migrate, seed when empty) → HTTP server.
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { DatabaseUnavailableError, openDatabase } from "./database/database";
import { MigrationError } from "./database/migrator";
import { prepareDatabase } from "./database/prepare";
import { createServer } from "./server/app";

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const report = await prepareDatabase(database, { migrate: config.migrateOnStart, seedIfEmpty: config.seedOnEmpty });
  if (report.appliedMigrations.length) console.log(`applied migrations: ${report.appliedMigrations.join(", ")}`);
  if (report.seeded) console.log("loaded the seed articles into the empty database");
  const server = await createServer(config, database);
  const port = await server.listen();
  const where = config.database.kind === "embedded" ? `embedded PostgreSQL in ${config.database.dataDir}` : "PostgreSQL server";
  console.log(`newsgraph ready at http://localhost:${port}/graphql (${where})`);

  const shutdown = async () => {
    await server.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  // Expected start-up failures get one clear line; anything else is a bug and keeps its stack.
  const expected = [ConfigError, DatabaseUnavailableError, MigrationError].some((type) => error instanceof type);
  console.error(expected ? `newsgraph: ${(error as Error).message}` : error);
  process.exit(1);
});
