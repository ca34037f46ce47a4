// Configuration: read once from the environment, documented defaults, and one clear line naming
// the variable when a value is invalid.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ConfigError, loadConfig } from "../src/config";
import { runEntry } from "./support/cli";

test("defaults for the operational settings", () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    port: 4000,
    host: "0.0.0.0",
    database: { kind: "embedded" },
    logLevel: "info",
    shutdownTimeoutMs: 10_000,
  });
  expect(loadConfig({ DATABASE_URL: "postgresql://db.internal/newsgraph" }).database).toEqual({
    kind: "postgres",
    url: "postgresql://db.internal/newsgraph",
    replicaUrls: [],
    poolSize: 10,
    timeoutMs: 5_000,
  });
});

test("database pool, timeouts and read replicas come from their variables", () => {
  const config = loadConfig({
    DATABASE_URL: "postgresql://primary/newsgraph",
    DATABASE_REPLICA_URLS: "postgresql://replica-a/newsgraph, postgres://replica-b/newsgraph",
    DATABASE_POOL_SIZE: "20",
    DATABASE_TIMEOUT_MS: "2500",
    LOG_LEVEL: "warn",
    SHUTDOWN_TIMEOUT_MS: "30000",
    GRAPHQL_MAX_CONCURRENT_REQUESTS: "40",
  });
  expect(config.database).toEqual({
    kind: "postgres",
    url: "postgresql://primary/newsgraph",
    replicaUrls: ["postgresql://replica-a/newsgraph", "postgres://replica-b/newsgraph"],
    poolSize: 20,
    timeoutMs: 2_500,
  });
  expect(config).toMatchObject({ logLevel: "warn", shutdownTimeoutMs: 30_000, maxConcurrentRequests: 40 });
});

test.each([
  [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  [{ DATABASE_TIMEOUT_MS: "soon" }, "DATABASE_TIMEOUT_MS"],
  [{ DATABASE_TIMEOUT_MS: "0" }, "DATABASE_TIMEOUT_MS"],
  [{ DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
  [{ SHUTDOWN_TIMEOUT_MS: "-1" }, "SHUTDOWN_TIMEOUT_MS"],
  [{ GRAPHQL_MAX_CONCURRENT_REQUESTS: "-1" }, "GRAPHQL_MAX_CONCURRENT_REQUESTS"],
  [{ GRAPHQL_MAX_CONCURRENT_REQUESTS: "many" }, "GRAPHQL_MAX_CONCURRENT_REQUESTS"],
  [{ DATABASE_URL: "postgresql://primary/db", DATABASE_REPLICA_URLS: "postgresql://a/db,mysql://b/db" }, "DATABASE_REPLICA_URLS"],
  [{ DATABASE_REPLICA_URLS: "postgresql://a/db" }, "DATABASE_REPLICA_URLS"],
])("%j is rejected, naming %s", (env, variable) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(new RegExp(`^invalid configuration: ${variable} `));
});

test("tracing is off unless an OTLP endpoint is set; the service name defaults to newsgraph", () => {
  expect(loadConfig({}).tracing).toBeUndefined();
  expect(loadConfig({ OTEL_SERVICE_NAME: "news" }).tracing).toBeUndefined();
  expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }).tracing).toEqual({ serviceName: "newsgraph" });
  expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "https://collector:4318", OTEL_SERVICE_NAME: "news-eu" }).tracing).toEqual({
    serviceName: "news-eu",
  });
  expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(
    "invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL",
  );
});

test("persisted queries: in memory unless REDIS_URL is set; a day in Redis under newsgraph: by default", () => {
  expect(loadConfig({}).persistedQueries).toEqual({ redisUrl: undefined, ttlSeconds: 86_400, keyPrefix: "newsgraph:" });
  expect(
    loadConfig({ REDIS_URL: "rediss://:secret@cache.internal:6380/2", APQ_TTL_SECONDS: "3600", APQ_KEY_PREFIX: "news-eu:" }).persistedQueries,
  ).toEqual({ redisUrl: "rediss://:secret@cache.internal:6380/2", ttlSeconds: 3_600, keyPrefix: "news-eu:" });
  expect(() => loadConfig({ REDIS_URL: "cache.internal:6379" })).toThrow(
    "invalid configuration: REDIS_URL must be a redis:// or rediss:// URL",
  );
  expect(() => loadConfig({ REDIS_URL: "http://cache.internal:6379" })).toThrow(
    "invalid configuration: REDIS_URL must be a redis:// or rediss:// URL",
  );
  expect(() => loadConfig({ APQ_TTL_SECONDS: "0" })).toThrow(/^invalid configuration: APQ_TTL_SECONDS /);
});

test("HTTP caching: a minute by default, HTTP_CACHE_MAX_AGE_SECONDS sets it, 0 turns it off", () => {
  expect(loadConfig({}).httpCache).toEqual({ maxAgeSeconds: 60 });
  expect(loadConfig({ HTTP_CACHE_MAX_AGE_SECONDS: "300" }).httpCache).toEqual({ maxAgeSeconds: 300 });
  expect(loadConfig({ HTTP_CACHE_MAX_AGE_SECONDS: "0" }).httpCache).toEqual({ maxAgeSeconds: 0 });
  for (const value of ["-1", "1.5", "soon", "31536001"]) {
    expect(() => loadConfig({ HTTP_CACHE_MAX_AGE_SECONDS: value })).toThrow(/^invalid configuration: HTTP_CACHE_MAX_AGE_SECONDS /);
  }
});

test("read replicas without a primary server are explained", () => {
  expect(() => loadConfig({ DATABASE_REPLICA_URLS: "postgresql://a/db" })).toThrow(
    "invalid configuration: DATABASE_REPLICA_URLS needs DATABASE_URL (read replicas are for a PostgreSQL server, not the embedded database)",
  );
});

test("the server stops at start with one line naming an invalid LOG_LEVEL", async () => {
  const result = await runEntry("main", { LOG_LEVEL: "loud" });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^newsgraph: invalid configuration: LOG_LEVEL [^\n]+\n$/);
});

test("a busy port stops the server at start with one line", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const { port } = blocker.address() as net.AddressInfo;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-busy-port-"));
  try {
    const result = await runEntry("main", { HOST: "127.0.0.1", PORT: String(port), EMBEDDED_DATA_DIR: dataDir, SEED_ON_EMPTY: "false" });
    expect(result).toMatchObject({
      code: 1,
      stderr: `newsgraph: cannot listen: port ${port} on 127.0.0.1 is already in use (set PORT to another port, or stop what listens there)\n`,
    });
  } finally {
    blocker.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
