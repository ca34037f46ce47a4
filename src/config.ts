// Configuration is read and validated once, at start, from the environment, and passed down.
// Nothing else in the project reads process.env.
import path from "node:path";
import { z } from "zod";

const PROJECT_ROOT = path.resolve(__dirname, "..", __dirname.includes(`${path.sep}dist${path.sep}`) ? ".." : "");

const booleanFromEnv = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

/** A URL with one of `protocols` ("postgres:"...), refused with `message` otherwise. */
const urlOf = (protocols: string[], message: string) =>
  z.string().refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), message);

const postgresUrl = urlOf(["postgres:", "postgresql:"], "must be a postgresql:// URL");

const postgresUrlList = z
  .string()
  .transform((value) => value.split(",").map((url) => url.trim()).filter(Boolean))
  .refine(
    (urls) => urls.length > 0 && urls.every((url) => postgresUrl.safeParse(url).success),
    "must be a comma-separated list of postgresql:// URLs",
  );

const redisUrl = urlOf(["redis:", "rediss:"], "must be a redis:// or rediss:// URL");

const milliseconds = (min: number) => z.coerce.number().int().min(min).max(3_600_000);

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Defaults of the PostgreSQL server connection (also used when a caller leaves them out). */
export const DATABASE_DEFAULTS = { poolSize: 10, timeoutMs: 5_000 } as const;

/** Abuse limits of GraphQL requests (src/server/limits; docs/configuration.md, "Limits"). */
export interface LimitsConfig {
  /** Deepest field nesting of an operation (`{ a { b } }` is 2; a connection adds `edges { node }`). */
  maxDepth: number;
  /** Aliased fields in an operation. */
  maxAliases: number;
  /** Directive uses in an operation. */
  maxDirectives: number;
  /** Lexical tokens in a document (the parser stops past it). */
  maxTokens: number;
  /** Most objects a response may hold, multiplying by connections' `first`/`last` (default 20). */
  maxCost: number;
  /** Most fields one operation selects once its fragments are expanded (checked before validation). */
  maxSelections: number;
  /** Size of a JSON request body. */
  maxBodyBytes: number;
}

/** Defaults of the abuse limits (also used when a caller of createServer leaves them out). */
export const LIMIT_DEFAULTS: LimitsConfig = {
  // test/batching.test.ts's nested query (meetings → delegations → members → person → meetings)
  // is 14 deep and costs about 406,000 at 40 meetings; 100 × 100 × 100 nested costs 2,020,201.
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 3_000,
  maxCost: 500_000,
  // Playground's introspection query expands to ~200 fields, the largest example to ~100; a
  // document at the limit compiles and validates in tens of milliseconds (test/abuse-stall.test.ts).
  maxSelections: 2_000,
  maxBodyBytes: 102_400,
};

const limit = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Bearer tokens (auth/tokens.ts; docs/configuration.md, "Authentication"). */
export interface AuthConfig {
  /** HS256 shared secret; or */
  jwtSecret?: string;
  /** a PEM public key, with the algorithm it signs with. */
  jwtPublicKey?: string;
  jwtAlgorithm?: string;
  issuer?: string;
  audience?: string;
  /** Reads need a valid token too (by default they are open). */
  requireTokenForReads: boolean;
  /** Longest a token may be valid, from its `iat` to its `exp`, in seconds; default AUTH_DEFAULTS. */
  maxLifetimeS?: number;
  /** Clock skew allowed with the token's issuer on `exp`, `nbf` and `iat`, in seconds; default AUTH_DEFAULTS. */
  clockToleranceS?: number;
}

/** Defaults of the token rules (also used when a caller of createServer leaves them out). */
export const AUTH_DEFAULTS = { maxLifetimeS: 24 * 60 * 60, clockToleranceS: 30 } as const;

/** How long a client may take over its request (node's HTTP server timeouts; docs/configuration.md, "Limits"). */
export interface HttpTimeoutsConfig {
  /** From a connection's (or a keep-alive request's) first byte to the end of its headers. */
  headersTimeoutMs: number;
  /** From the first byte to the end of the body. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open. */
  keepAliveTimeoutMs: number;
}

/** Short enough that slow clients (headers or a body trickled) cannot hold sockets for minutes. */
export const HTTP_TIMEOUT_DEFAULTS: HttpTimeoutsConfig = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** Automatic persisted queries (server/persisted-queries.ts; docs/operations.md, "Persisted queries across replicas"). */
export interface PersistedQueriesConfig {
  /** Keep them in this Redis, shared by every replica; in each process's memory when unset. */
  redisUrl?: string;
  /** How long a registered query stays in Redis after its last registration. */
  ttlSeconds: number;
  /** Namespace of the Redis keys (Apollo appends `apq:` and the query's SHA-256). */
  keyPrefix: string;
}

export const PERSISTED_QUERY_DEFAULTS = { ttlSeconds: 86_400, keyPrefix: "newsgraph:" } as const;

/** HTTP caching of anonymous GraphQL GETs (server/http-cache.ts; docs/configuration.md, "Server and HTTP"). */
export interface HttpCacheConfig {
  /** `Cache-Control: public, max-age=<this>` (with an ETag) on cacheable answers; 0 turns caching off (every answer `no-store`). */
  maxAgeSeconds: number;
}

/** A minute: short enough that a cached read is not long behind a write. */
export const HTTP_CACHE_DEFAULTS: HttpCacheConfig = { maxAgeSeconds: 60 };

/** Subscriptions over WebSocket (server/subscriptions; docs/configuration.md, "Subscriptions"). */
export interface SubscriptionsConfig {
  /** Subscriptions one connection may have open at a time. */
  maxPerConnection: number;
  /** Subscriptions open on one server, all connections together. */
  maxTotal: number;
  /** Events a subscription may have waiting for a client that does not read before it is ended. */
  maxBacklog: number;
  /** Ping interval; a connection that has not answered the previous ping by the next is dropped. */
  keepAliveMs: number;
  /** How long a new connection has to send `connection_init`. */
  connectionInitTimeoutMs: number;
}

/**
 * A browser tab subscribes to a handful of things. 12 s pings are graphql-ws's default, well
 * under the 60 s idle timeout of common load balancers and proxies.
 */
export const SUBSCRIPTION_DEFAULTS: SubscriptionsConfig = {
  maxPerConnection: 20,
  maxTotal: 10_000,
  maxBacklog: 100,
  keepAliveMs: 12_000,
  connectionInitTimeoutMs: 3_000,
};

/** Who may read /metrics: a bearer token, and/or a listener of its own. */
export interface MetricsConfig {
  /** Scrapes must send `Authorization: Bearer <token>`. */
  token?: string;
  /** Serve /metrics on this port only (not on the main one). */
  port?: number;
  /** The interface of that port; default the main HOST. */
  host?: string;
}

const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_REPLICA_URLS: postgresUrlList.optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(DATABASE_DEFAULTS.poolSize),
    DATABASE_TIMEOUT_MS: milliseconds(100).default(DATABASE_DEFAULTS.timeoutMs),
    EMBEDDED_DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, ".data", "pglite")),
    MIGRATE_ON_START: booleanFromEnv.default(true),
    SEED_ON_EMPTY: booleanFromEnv.optional(),
    EXPOSE_SQL_STATEMENT_COUNT: booleanFromEnv.default(false),
    // Only "production" changes anything (the defaults below), as in express and Apollo Server.
    NODE_ENV: z.string().optional(),
    PLAYGROUND_ENABLED: booleanFromEnv.optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    SHUTDOWN_TIMEOUT_MS: milliseconds(0).default(10_000),
    GRAPHQL_MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(0).max(100_000).optional(),
    AUTH_JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    AUTH_JWT_PUBLIC_KEY: z
      .string()
      .refine((pem) => pem.includes("-----BEGIN PUBLIC KEY-----"), "must be a PEM public key")
      .optional(),
    AUTH_JWT_ALGORITHM: z.enum(["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"]).default("RS256"),
    AUTH_JWT_ISSUER: z.string().min(1).optional(),
    AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
    AUTH_REQUIRE_TOKEN_FOR_READS: booleanFromEnv.default(false),
    AUTH_JWT_MAX_LIFETIME_S: z.coerce.number().int().min(60).max(31 * 24 * 3600).default(AUTH_DEFAULTS.maxLifetimeS),
    AUTH_JWT_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(600).default(AUTH_DEFAULTS.clockToleranceS),
    INTROSPECTION_ENABLED: booleanFromEnv.optional(),
    FEDERATION_SDL_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    HTTP_HEADERS_TIMEOUT_MS: milliseconds(100).default(HTTP_TIMEOUT_DEFAULTS.headersTimeoutMs),
    HTTP_REQUEST_TIMEOUT_MS: milliseconds(100).default(HTTP_TIMEOUT_DEFAULTS.requestTimeoutMs),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(100).default(HTTP_TIMEOUT_DEFAULTS.keepAliveTimeoutMs),
    HTTP_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(31_536_000).default(HTTP_CACHE_DEFAULTS.maxAgeSeconds),
    METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_HOST: z.string().min(1).optional(),
    REDIS_URL: redisUrl.optional(),
    APQ_TTL_SECONDS: z.coerce.number().int().min(1).max(365 * 24 * 3600).default(PERSISTED_QUERY_DEFAULTS.ttlSeconds),
    APQ_KEY_PREFIX: z.string().min(1).max(200).default(PERSISTED_QUERY_DEFAULTS.keyPrefix),
    SUBSCRIPTIONS_MAX_PER_CONNECTION: limit(1, 10_000).default(SUBSCRIPTION_DEFAULTS.maxPerConnection),
    SUBSCRIPTIONS_MAX_TOTAL: limit(0, 10_000_000).default(SUBSCRIPTION_DEFAULTS.maxTotal),
    SUBSCRIPTIONS_MAX_BACKLOG: limit(1, 100_000).default(SUBSCRIPTION_DEFAULTS.maxBacklog),
    SUBSCRIPTIONS_KEEPALIVE_MS: milliseconds(100).default(SUBSCRIPTION_DEFAULTS.keepAliveMs),
    SUBSCRIPTIONS_INIT_TIMEOUT_MS: milliseconds(100).default(SUBSCRIPTION_DEFAULTS.connectionInitTimeoutMs),
    TRUSTED_DOCUMENTS_ONLY: booleanFromEnv.default(false),
    LIMIT_MAX_DEPTH: limit(1, 1_000).default(LIMIT_DEFAULTS.maxDepth),
    LIMIT_MAX_ALIASES: limit(0, 10_000).default(LIMIT_DEFAULTS.maxAliases),
    LIMIT_MAX_DIRECTIVES: limit(0, 10_000).default(LIMIT_DEFAULTS.maxDirectives),
    LIMIT_MAX_TOKENS: limit(10, 1_000_000).default(LIMIT_DEFAULTS.maxTokens),
    LIMIT_MAX_COST: limit(1, 1_000_000_000).default(LIMIT_DEFAULTS.maxCost),
    LIMIT_MAX_SELECTIONS: limit(1, 1_000_000).default(LIMIT_DEFAULTS.maxSelections),
    LIMIT_BODY_BYTES: limit(1_024, 100 * 1024 * 1024).default(LIMIT_DEFAULTS.maxBodyBytes),
    // OpenTelemetry's own variable names. The endpoint turns tracing on; the exporter reads it
    // (and OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT...) itself, as every OpenTelemetry SDK does.
    OTEL_EXPORTER_OTLP_ENDPOINT: urlOf(["http:", "https:"], "must be an http:// or https:// URL").optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default("newsgraph"),
  })
  .refine((values) => !(values.AUTH_JWT_SECRET && values.AUTH_JWT_PUBLIC_KEY), {
    path: ["AUTH_JWT_SECRET"],
    message: "and AUTH_JWT_PUBLIC_KEY are exclusive: set one",
  })
  // node refuses a headers timeout longer than the request timeout.
  .refine((values) => values.HTTP_HEADERS_TIMEOUT_MS <= values.HTTP_REQUEST_TIMEOUT_MS, {
    path: ["HTTP_HEADERS_TIMEOUT_MS"],
    message: "must not be longer than HTTP_REQUEST_TIMEOUT_MS",
  })
  .refine((values) => !values.METRICS_HOST || values.METRICS_PORT !== undefined, {
    path: ["METRICS_HOST"],
    message: "needs METRICS_PORT (it is the interface of the metrics port)",
  })
  .refine((values) => !values.TRUSTED_DOCUMENTS_ONLY || values.REDIS_URL, {
    path: ["TRUSTED_DOCUMENTS_ONLY"],
    message: "needs REDIS_URL (the list of trusted documents is kept in Redis, shared by every replica)",
  })
  .refine((values) => !values.DATABASE_REPLICA_URLS || values.DATABASE_URL, {
    path: ["DATABASE_REPLICA_URLS"],
    message: "needs DATABASE_URL (read replicas are for a PostgreSQL server, not the embedded database)",
  });

/** OpenTelemetry tracing (observability/tracing.ts; docs/operations.md, "Tracing"). */
export interface TracingConfig {
  /** The `service.name` of the spans. */
  serviceName: string;
}

export type DatabaseConfig =
  | {
      kind: "postgres";
      url: string;
      /** Read replicas: non-transactional reads go to one of them, writes and transactions to `url`. */
      replicaUrls?: string[];
      /** Connections per pool (the primary's and each replica's); default DATABASE_DEFAULTS.poolSize. */
      poolSize?: number;
      /** Bound on connecting and on each statement; default DATABASE_DEFAULTS.timeoutMs. */
      timeoutMs?: number;
    }
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
  /** Serve GraphQL Playground at / and to browsers at /graphql (default: on, off under NODE_ENV=production). */
  playgroundEnabled: boolean;
  /** Minimum level of the JSON log lines on stdout (`silent` turns them off). */
  logLevel: LogLevel;
  /** On SIGTERM, how long in-flight requests may take before their connections are closed. */
  shutdownTimeoutMs: number;
  /**
   * GraphQL requests run at once; the others wait their turn (server/middleware/request-queue.ts).
   * 0: no limit. Left out: as many as the database has connections (no limit on the embedded one).
   */
  maxConcurrentRequests?: number;
  /** Bearer tokens: the key that verifies them, and whether reads need one. */
  auth: AuthConfig;
  /**
   * Answer introspection queries and `_service { sdl }` (Playground needs them; default: on, off
   * under NODE_ENV=production); when off, errors carry no "Did you mean" hints.
   */
  introspectionEnabled: boolean;
  /** A federation router sending this secret (x-newsgraph-router-secret) gets `_service` even with introspection off. */
  federationSdlSecret?: string;
  /** Bounds on slow clients. */
  httpTimeouts: HttpTimeoutsConfig;
  /** HTTP caching of anonymous GraphQL GETs. */
  httpCache: HttpCacheConfig;
  /** Protection of /metrics. */
  metrics: MetricsConfig;
  /** Abuse limits of GraphQL requests. */
  limits: LimitsConfig;
  /** Where automatic persisted queries are kept. */
  persistedQueries: PersistedQueriesConfig;
  /** Limits of subscriptions over WebSocket. */
  subscriptions: SubscriptionsConfig;
  /**
   * Execute only the documents in the list of trusted documents kept in Redis (needs REDIS_URL;
   * server/trusted-documents.ts): automatic persisted queries cannot register new ones.
   */
  trustedDocumentsOnly: boolean;
  /** Spans exported over OTLP/HTTP; undefined (tracing off, nothing loaded) without OTEL_EXPORTER_OTLP_ENDPOINT. */
  tracing?: TracingConfig;
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
  // The ecosystem's convention (Apollo Server, express): production gives nothing away by default.
  const production = values.NODE_ENV === "production";
  const database: DatabaseConfig = values.DATABASE_URL
    ? {
        kind: "postgres",
        url: values.DATABASE_URL,
        replicaUrls: values.DATABASE_REPLICA_URLS ?? [],
        poolSize: values.DATABASE_POOL_SIZE,
        timeoutMs: values.DATABASE_TIMEOUT_MS,
      }
    : { kind: "embedded", dataDir: values.EMBEDDED_DATA_DIR };
  return {
    port: values.PORT,
    host: values.HOST,
    database,
    migrateOnStart: values.MIGRATE_ON_START,
    seedOnEmpty: values.SEED_ON_EMPTY ?? database.kind === "embedded",
    exposeSqlStatementCount: values.EXPOSE_SQL_STATEMENT_COUNT,
    playgroundEnabled: values.PLAYGROUND_ENABLED ?? !production,
    logLevel: values.LOG_LEVEL,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    maxConcurrentRequests: values.GRAPHQL_MAX_CONCURRENT_REQUESTS,
    introspectionEnabled: values.INTROSPECTION_ENABLED ?? !production,
    federationSdlSecret: values.FEDERATION_SDL_SECRET,
    httpTimeouts: {
      headersTimeoutMs: values.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: values.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    httpCache: { maxAgeSeconds: values.HTTP_CACHE_MAX_AGE_SECONDS },
    metrics: {
      token: values.METRICS_TOKEN,
      port: values.METRICS_PORT,
      host: values.METRICS_PORT === undefined ? undefined : (values.METRICS_HOST ?? values.HOST),
    },
    persistedQueries: {
      redisUrl: values.REDIS_URL,
      ttlSeconds: values.APQ_TTL_SECONDS,
      keyPrefix: values.APQ_KEY_PREFIX,
    },
    subscriptions: {
      maxPerConnection: values.SUBSCRIPTIONS_MAX_PER_CONNECTION,
      maxTotal: values.SUBSCRIPTIONS_MAX_TOTAL,
      maxBacklog: values.SUBSCRIPTIONS_MAX_BACKLOG,
      keepAliveMs: values.SUBSCRIPTIONS_KEEPALIVE_MS,
      connectionInitTimeoutMs: values.SUBSCRIPTIONS_INIT_TIMEOUT_MS,
    },
    trustedDocumentsOnly: values.TRUSTED_DOCUMENTS_ONLY,
    tracing: values.OTEL_EXPORTER_OTLP_ENDPOINT ? { serviceName: values.OTEL_SERVICE_NAME } : undefined,
    limits: {
      maxDepth: values.LIMIT_MAX_DEPTH,
      maxAliases: values.LIMIT_MAX_ALIASES,
      maxDirectives: values.LIMIT_MAX_DIRECTIVES,
      maxTokens: values.LIMIT_MAX_TOKENS,
      maxCost: values.LIMIT_MAX_COST,
      maxSelections: values.LIMIT_MAX_SELECTIONS,
      maxBodyBytes: values.LIMIT_BODY_BYTES,
    },
    auth: {
      jwtSecret: values.AUTH_JWT_SECRET,
      jwtPublicKey: values.AUTH_JWT_PUBLIC_KEY,
      jwtAlgorithm: values.AUTH_JWT_ALGORITHM,
      issuer: values.AUTH_JWT_ISSUER,
      audience: values.AUTH_JWT_AUDIENCE,
      requireTokenForReads: values.AUTH_REQUIRE_TOKEN_FOR_READS,
      maxLifetimeS: values.AUTH_JWT_MAX_LIFETIME_S,
      clockToleranceS: values.AUTH_JWT_CLOCK_TOLERANCE_S,
    },
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
