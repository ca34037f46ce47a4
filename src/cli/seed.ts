// `npm run db:seed`: loads the seed articles (prisma/seed/*.json); running it again changes nothing.
import { seed } from "../database/seed";
import { runCommand } from "./run-command";

runCommand("db:seed", async (database) => {
  const results = await seed(database.prisma);
  const facts = results.reduce((sum, result) => sum + result.facts, 0);
  return `loaded ${results.length} article(s) with ${facts} sourced facts`;
}, { migrateFirst: true, whileServerRuns: "first (a server loads the seed itself into an empty database)" });
