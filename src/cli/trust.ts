// `npm run trust -- <manifest.json | file.graphql>...`: adds documents to the list of trusted
// documents in Redis (REDIS_URL, under APQ_KEY_PREFIX; server/trusted-documents.ts), which a server
// with TRUSTED_DOCUMENTS_ONLY=true executes and nothing else. A `.json` file is an Apollo
// persisted-query manifest (`{ "format": "apollo-persisted-query-manifest", "version": 1,
// "operations": [{ "id", "name", "type", "body" }] }`, as @apollo/generate-persisted-query-manifest
// writes it), whose ids must be the SHA-256 of their bodies (that tool's default); any other file is
// one GraphQL document, its whole text, byte for byte. Every file is read and checked before Redis
// is written, and all documents are written in one transaction: on any error nothing is written,
// each error is one line on stderr, and the exit code is 1.
//
// `npm run trust -- --list` prints the listed documents (hash and operation names);
// `npm run trust -- --remove <sha256>...` removes documents (servers stop serving them within
// their cache's revalidation time, REVALIDATE_AFTER_MS).
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { type DocumentNode, GraphQLError, Kind, parse } from "graphql";
import { Redis } from "ioredis";
import { ConfigError, loadConfig } from "../config";
import { REDIS_TIMEOUTS } from "../server/persisted-queries";
import { documentHash, trustedDocumentKey } from "../server/trusted-documents";
import { CommandError } from "./run-command";

const NAME = "trust";
const USAGE = "usage: npm run trust -- <manifest.json | file.graphql>... | --list | --remove <sha256>...";
const MANIFEST_FORMAT = "apollo-persisted-query-manifest";

/** Several errors in what the command was given, one line each. */
class InputErrors extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}

interface TrustedDocument {
  hash: string;
  body: string;
  /** Where it came from, for messages: "file.json: operation GetMeeting". */
  source: string;
}

type Action = { kind: "add"; files: string[] } | { kind: "list" } | { kind: "remove"; hashes: string[] };

function parseArguments(args: string[]): Action {
  if (args.includes("--list")) {
    if (args.length !== 1) throw new CommandError(`--list takes nothing else; ${USAGE}`);
    return { kind: "list" };
  }
  if (args[0] === "--remove") {
    const hashes = args.slice(1);
    if (hashes.length === 0) throw new CommandError(`--remove needs the SHA-256 of each document to remove; ${USAGE}`);
    const invalid = hashes.filter((hash) => !/^[0-9a-fA-F]{64}$/.test(hash));
    if (invalid.length) throw new CommandError(`not a SHA-256 in hex: ${invalid.join(", ")}`);
    return { kind: "remove", hashes: hashes.map((hash) => hash.toLowerCase()) };
  }
  const unknown = args.find((arg) => arg.startsWith("-"));
  if (unknown) throw new CommandError(`unknown option ${unknown}; ${USAGE}`);
  if (args.length === 0) throw new CommandError(USAGE);
  return { kind: "add", files: args };
}

/** Reads and checks every file; throws InputErrors with every problem found. */
function readDocuments(files: string[]): TrustedDocument[] {
  const documents: TrustedDocument[] = [];
  const errors: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      errors.push(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      continue;
    }
    if (path.extname(file).toLowerCase() === ".json") {
      readManifest(file, text, documents, errors);
    } else {
      const problem = parseProblem(text);
      if (problem) errors.push(`${file}: ${problem}`);
      else documents.push({ hash: documentHash(text), body: text, source: file });
    }
  }
  if (errors.length) throw new InputErrors(errors);
  if (documents.length === 0) throw new InputErrors([`no documents in ${files.join(", ")}`]);
  return documents;
}

function readManifest(file: string, text: string, documents: TrustedDocument[], errors: string[]): void {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    errors.push(`${file} is not valid JSON: ${(error as Error).message}`);
    return;
  }
  const { format, version, operations } = (manifest ?? {}) as { format?: unknown; version?: unknown; operations?: unknown };
  if (format !== MANIFEST_FORMAT || version !== 1 || !Array.isArray(operations)) {
    errors.push(
      `${file} is not an Apollo persisted-query manifest: expected { "format": "${MANIFEST_FORMAT}", "version": 1, "operations": [...] }`,
    );
    return;
  }
  operations.forEach((operation: unknown, index) => {
    const { id, name, body } = (operation ?? {}) as { id?: unknown; name?: unknown; body?: unknown };
    const where = `${file}: operations[${index}]${typeof name === "string" ? ` (${name})` : ""}`;
    if (typeof body !== "string" || body.length === 0) return errors.push(`${where}: "body" must be a non-empty string`);
    if (typeof id !== "string") return errors.push(`${where}: "id" must be a string`);
    const hash = documentHash(body);
    if (id.toLowerCase() !== hash) {
      return errors.push(
        `${where}: "id" ${id} is not the SHA-256 of its body (${hash}); only SHA-256 ids are accepted (the default of @apollo/generate-persisted-query-manifest)`,
      );
    }
    const problem = parseProblem(body);
    if (problem) return errors.push(`${where}: ${problem}`);
    documents.push({ hash, body, source: where });
  });
}

/** Why a text is not a GraphQL document of operations, or undefined when it is one. */
function parseProblem(text: string): string | undefined {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    return `not a GraphQL document: ${error instanceof GraphQLError ? error.message : String(error)}`;
  }
  if (!document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION)) {
    return "has no operation (only fragments or type definitions)";
  }
  return undefined;
}

/** The operation names of a document, for --list. */
function operationNames(body: string): string {
  try {
    const names = parse(body).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? [`${definition.operation} ${definition.name?.value ?? "(anonymous)"}`] : [],
    );
    return names.join(", ");
  } catch {
    return "(does not parse)";
  }
}

/** A Redis glob pattern matching `text` literally. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}

async function connect(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: REDIS_TIMEOUTS.connectTimeoutMs * 4,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined); // reported by connect() below
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const where = new URL(url);
    throw new CommandError(`cannot reach Redis at ${where.host}: ${(error as Error).message}; nothing was written`);
  }
  return redis;
}

async function run(): Promise<string> {
  const config = loadConfig();
  const action = parseArguments(process.argv.slice(2));
  const redisUrl = config.persistedQueries.redisUrl;
  if (!redisUrl) throw new CommandError("REDIS_URL is not set: the trusted documents are kept in Redis");
  const prefix = config.persistedQueries.keyPrefix;
  // Every file is read and checked before Redis is reached.
  const documents = action.kind === "add" ? readDocuments(action.files) : [];
  const redis = await connect(redisUrl);
  try {
    if (action.kind === "list") {
      const keyStart = trustedDocumentKey(prefix, "");
      const lines: string[] = [];
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${globEscape(keyStart)}*`, "COUNT", 1000);
        cursor = next;
        const bodies = keys.length ? await redis.mget(...keys) : [];
        keys.forEach((key, index) => lines.push(`${key.slice(keyStart.length)}  ${operationNames(bodies[index] ?? "")}`));
      } while (cursor !== "0");
      return [...lines.sort(), `${lines.length} trusted documents under ${keyStart}`].join("\n");
    }
    if (action.kind === "remove") {
      const transaction = redis.multi();
      for (const hash of action.hashes) transaction.del(trustedDocumentKey(prefix, hash));
      const results = await execute(transaction);
      const removed = results.filter((result) => result === 1).length;
      return `removed ${removed} of ${action.hashes.length} documents (${action.hashes.length - removed} were not listed)`;
    }
    // One transaction: all the documents are listed, or (Redis failing) none. NX: a listed
    // document (same hash, so same text) is left as it is.
    const transaction = redis.multi();
    for (const document of documents) transaction.set(trustedDocumentKey(prefix, document.hash), document.body, "NX");
    const results = await execute(transaction);
    const added = results.filter((result) => result === "OK").length;
    const distinct = new Set(documents.map((document) => document.hash)).size;
    return `trusted ${distinct} documents from ${action.files.join(", ")}: ${added} new, ${distinct - added} already listed`;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

/** Runs a MULTI; the result of each command, or a CommandError when the transaction failed. */
async function execute(transaction: ReturnType<Redis["multi"]>): Promise<unknown[]> {
  let results: [Error | null, unknown][] | null;
  try {
    results = await transaction.exec();
  } catch (error) {
    throw new CommandError(`Redis refused the transaction: ${(error as Error).message}; nothing was written`);
  }
  if (!results) throw new CommandError("Redis aborted the transaction; nothing was written");
  const failed = results.find(([error]) => error);
  if (failed) throw new CommandError(`Redis refused a command: ${failed[0]!.message}`);
  return results.map(([, result]) => result);
}

run().then(
  (message) => {
    console.log(message);
    process.exit(0);
  },
  (error: unknown) => {
    if (error instanceof InputErrors) {
      console.error(error.lines.map((line) => `${NAME}: ${line}`).join("\n") + `\n${NAME}: nothing was written`);
    } else if (error instanceof CommandError || error instanceof ConfigError) {
      console.error(`${NAME}: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
