// `npm run import -- <file.json>`: records an article document (the shape recordArticle takes;
// see docs/recording-articles.md) in one transaction. Bad input exits non-zero with one readable line.
import fs from "node:fs";
import { parseArticleDocument } from "../importer/article-document";
import { importArticle } from "../importer/import-article";
import { CommandError, runCommand } from "./run-command";

runCommand("import", async (database) => {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) throw new CommandError("usage: npm run import -- <article.json>");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const { facts, changes } = await importArticle(database.prisma, parseArticleDocument(json));
  if (changes === 0) return `${file} is already recorded as it is: nothing changed (${facts} sourced facts)`;
  return `recorded ${file}: ${facts} sourced facts (${changes} rows written)`;
}, { migrateFirst: true });
