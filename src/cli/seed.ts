// `npm run db:seed`: loads the seed articles (prisma/seed/*.json); running it again changes nothing.
import { seed } from "../importer/seed";
import { runCommand } from "./run-command";

runCommand("db:seed", async (database) => {
  const results = await seed(database.prisma);
  const facts = results.reduce((sum, result) => sum + result.facts, 0);
  const changes = results.reduce((sum, result) => sum + result.changes, 0);
  if (changes === 0) return `the ${results.length} seed article(s) are already recorded as they are: nothing changed`;
  return `loaded ${results.length} article(s) with ${facts} sourced facts (${changes} rows written)`;
}, { migrateFirst: true, whileServerRuns: "first (a server loads the seed itself into an empty database)" });
