// `npm run import -- [--max-bytes N] <file.json>`: records an article document (the shape
// recordArticle takes; see docs/recording-articles.md) in one transaction. A refused document exits 1 with one
// line per error. Files larger than the API's body limit (LIMIT_BODY_BYTES) are refused unless
// --max-bytes raises the bound, so that what imports from a file also records over HTTP.
import fs from "node:fs";
import { importArticle } from "../importer/import-article";
import { CommandError, runCommand } from "./run-command";

const USAGE = "usage: npm run import -- [--max-bytes N] <article.json>";

function parseArguments(args: string[], defaultMaxBytes: number): { file: string; maxBytes: number } {
  let maxBytes = defaultMaxBytes;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--max-bytes") {
      const value = args[++i];
      if (!value || !/^[1-9]\d*$/.test(value)) throw new CommandError(`--max-bytes needs a positive number of bytes; ${USAGE}`);
      maxBytes = Number(value);
    } else if (args[i].startsWith("-")) {
      throw new CommandError(`unknown option ${args[i]}; ${USAGE}`);
    } else {
      files.push(args[i]);
    }
  }
  if (files.length !== 1) throw new CommandError(USAGE);
  return { file: files[0], maxBytes };
}

runCommand<{ file: string; json: unknown }>(
  "import",
  async (database, { file, json }) => {
    const { facts, changes } = await importArticle(database.prisma, json);
    if (changes === 0) return `${file} is already recorded as it is: nothing changed (${facts} sourced facts)`;
    return `recorded ${file}: ${facts} sourced facts (${changes} rows written)`;
  },
  {
    migrateFirst: true,
    whileServerRuns: "or send the document to that server's recordArticle mutation (docs/recording-articles.md)",
    // The arguments, the file's size and its JSON are checked before the database is opened (and locked).
    input: (config) => {
      const { file, maxBytes } = parseArguments(process.argv.slice(2), config.limits.maxBodyBytes);
      let size: number;
      try {
        size = fs.statSync(file).size;
      } catch (error) {
        throw new CommandError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      if (size > maxBytes) {
        throw new CommandError(
          `${file} is ${size} bytes, over the limit of ${maxBytes} (LIMIT_BODY_BYTES, the API's limit on a request body); ` +
            "pass --max-bytes N to raise it",
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch (error) {
        throw new CommandError(`${file} is not valid JSON: ${(error as Error).message}`);
      }
      // The document itself is checked with the database open, so that every error (references to
      // stored rows included) is reported in one run.
      return { file, json };
    },
  },
);
