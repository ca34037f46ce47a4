// Configuration is read and validated once, at start, from the environment, and passed down.
// Nothing else in the project reads process.env.
import path from "node:path";
import { z } from "zod";

const PROJECT_ROOT = path.resolve(__dirname, "..", __dirname.includes(`${path.sep}dist${path.sep}`) ? ".." : "");

const booleanFromEnv = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const postgresUrl = z
  .string()
  .refine((value) => {
    try {
      return ["postgres:", "postgresql:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "must be a postgresql:// URL");

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDED_DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, ".data", "pglite")),
  MIGRATE_ON_START: booleanFromEnv.default(true),
  SEED_ON_EMPTY: booleanFromEnv.optional(),
  EXPOSE_SQL_STATEMENT_COUNT: booleanFromEnv.default(false),
  PLAYGROUND_ENABLED: booleanFromEnv.default(true),
});

export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; dataDir: string | null };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Apply pending migrations when the server starts (under a lock, so replicas do not race). */
  migrateOnStart: boolean;
  /** Load the seed article into an empty database at start (default: only for the embedded database). */
  seedOnEmpty: boolean;
  /** Add `extensions.sqlStatements` to each response: for tests and the benchmark, not production. */
  exposeSqlStatementCount: boolean;
  /** Serve GraphQL Playground at / and to browsers at /graphql (turn off in production if unwanted). */
  playgroundEnabled: boolean;
}

export class ConfigError extends Error {}

/** Reads the configuration; throws a ConfigError whose message names the offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid configuration: ${issue.path.join(".")} ${issue.message}`);
  }
  const values = parsed.data;
  const database: DatabaseConfig = values.DATABASE_URL
    ? { kind: "postgres", url: values.DATABASE_URL }
    : { kind: "embedded", dataDir: values.EMBEDDED_DATA_DIR };
  return {
    port: values.PORT,
    host: values.HOST,
    database,
    migrateOnStart: values.MIGRATE_ON_START,
    seedOnEmpty: values.SEED_ON_EMPTY ?? database.kind === "embedded",
    exposeSqlStatementCount: values.EXPOSE_SQL_STATEMENT_COUNT,
    playgroundEnabled: values.PLAYGROUND_ENABLED,
  };
}

/** An empty variable (`PORT=`) means "not set", as in most twelve-factor tools. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
}

export const paths = {
  root: PROJECT_ROOT,
  migrations: path.join(PROJECT_ROOT, "prisma", "migrations"),
  seedArticles: path.join(PROJECT_ROOT, "prisma", "seed"),
  schemaDir: path.join(PROJECT_ROOT, "schema"),
  examples: path.join(PROJECT_ROOT, "schema", "examples.graphql"),
};
