// `npm run db:migrate`: applies pending migrations to the configured database.
import { paths } from "../config";
import { migrate, readMigrations } from "../database/migrator";
import { runCommand } from "./run-command";

runCommand("db:migrate", async (database) => {
  const applied = await database.withSession((session) => migrate(session, readMigrations(paths.migrations)));
  return applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date";
}, { whileServerRuns: "first (a server applies pending migrations itself at start)" });
