// Automatic persisted queries shared through Redis (REDIS_URL): a query registered on one server is
// served by hash on another; when Redis goes away, hash-only requests get PERSISTED_QUERY_NOT_FOUND
// (the client then sends the full query, which still runs) and nothing fails or hangs; when Redis
// is back, sharing works again without a restart. Server B reaches Redis through a TCP proxy that
// the test cuts. The tests need a Redis (NEWSGRAPH_TEST_REDIS_URL, default redis://127.0.0.1:6379):
// they are skipped without one, unless NEWSGRAPH_REQUIRE_REDIS=1 (set by .ci/run) makes that fail.
import { createHash, randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { createLogger } from "../src/observability/logger";
import { REDIS_URL, redisSkipReason } from "./support/redis";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { startTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

const skipReason = redisSkipReason();
if (skipReason) console.warn(`persisted-queries-redis skipped: ${skipReason}`);

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

interface Answer {
  status: number;
  body: unknown;
}

async function post(server: TestServer, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** A hash-only GET, as Apollo Client sends it with `useGETForHashedQueries`. */
async function get(server: TestServer, extensions: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, {
    headers: { accept: "application/json", "apollo-require-preflight": "true" },
  });
  return { status: response.status, body: await response.json() };
}

const notFound: Answer = {
  status: 200,
  body: {
    errors: [
      {
        message: "PersistedQueryNotFound",
        extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
      },
    ],
    extensions: { sqlStatements: 0 },
  },
};

const typename = (): Answer => ({ status: 200, body: { data: { __typename: "Query" }, extensions: { sqlStatements: 0 } } });

/** Whether `server` serves `query` by its hash alone. */
async function served(server: TestServer, query: string): Promise<boolean> {
  return JSON.stringify(await post(server, { extensions: persisted(query) })) === JSON.stringify(typename());
}

(skipReason ? describe.skip : describe)("persisted queries in Redis, shared by two servers", () => {
  // Each run its own namespace, so parallel runs on one Redis do not see each other's queries.
  const keyPrefix = `newsgraph-test:${randomUUID()}:`;
  const ttlSeconds = 600;
  let redis: Redis;
  let proxy: TcpProxy;
  let serverA: TestServer;
  let serverB: TestServer;
  const logOfB: Record<string, unknown>[] = [];

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true });
    await redis.connect();
    const { hostname, port } = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: hostname, port: Number(port) || 6379 });
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logOfB.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    serverA = await startTestServer({ server: { persistedQueries: { redisUrl: REDIS_URL, keyPrefix, ttlSeconds } } });
    serverB = await startTestServer({
      server: {
        persistedQueries: { redisUrl: proxy.proxiedUrl(REDIS_URL), keyPrefix, ttlSeconds },
        logger: createLogger({ level: "info", destination: logStream }),
      },
    });
  });

  afterAll(async () => {
    await serverA?.stop();
    await serverB?.stop();
    await proxy?.close();
    if (redis) {
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });

  test("a query registered on one server is served by hash on the other, by POST and by GET", async () => {
    const query = "query SharedAcrossReplicas { __typename }";
    expect(await post(serverB, { extensions: persisted(query) })).toEqual(notFound);
    expect(await post(serverA, { query, extensions: persisted(query) })).toEqual(typename());
    // Apollo writes the query after answering; the next request may come first.
    await waitFor(async () => (await redis.exists(`${keyPrefix}apq:${sha256(query)}`)) === 1, "the query in Redis");
    expect(await redis.get(`${keyPrefix}apq:${sha256(query)}`)).toBe(query);
    const ttl = await redis.ttl(`${keyPrefix}apq:${sha256(query)}`);
    expect(ttl > 0 && ttl <= ttlSeconds).toBe(true);

    expect(await post(serverB, { extensions: persisted(query) })).toEqual(typename());
    expect(await get(serverB, persisted(query))).toEqual(typename());
    expect(await get(serverA, persisted(query))).toEqual(typename());
  });

  test("an unknown hash is PERSISTED_QUERY_NOT_FOUND on both servers", async () => {
    const unknown = { persistedQuery: { version: 1, sha256Hash: sha256(`never registered ${randomUUID()}`) } };
    for (const server of [serverA, serverB]) {
      expect(await post(server, { extensions: unknown })).toEqual(notFound);
      expect(await get(server, unknown)).toEqual(notFound);
    }
  });

  test("while Redis is gone, hashes are not found and full queries run; once it is back, sharing works again", async () => {
    const before = "query RegisteredBeforeOutage { __typename }";
    expect(await post(serverA, { query: before, extensions: persisted(before) })).toEqual(typename());
    await waitFor(() => served(serverB, before), "B to serve the query");

    await proxy.cut();
    // Hash-only: "not found", so that the client sends the full query (not a 500, not a hang).
    expect(await post(serverB, { extensions: persisted(before) })).toEqual(notFound);
    expect(await get(serverB, persisted(before))).toEqual(notFound);
    // The full query (with its hash) still runs; its write to Redis is lost, not an error.
    const during = "query RegisteredDuringOutage { __typename }";
    expect(await post(serverB, { query: during, extensions: persisted(during) })).toEqual(typename());
    expect(await post(serverB, { query: before, extensions: persisted(before) })).toEqual(typename());
    // Server A's Redis is fine: the outage is B's alone.
    expect(await post(serverA, { extensions: persisted(before) })).toEqual(typename());
    // One warning for the outage, however many requests met it.
    await waitFor(() => logOfB.some((line) => line.msg === "persisted queries: Redis unavailable, clients are asked for full queries until it is back"), "the outage warning");

    await proxy.restore();
    // B reconnects by itself: a query it registers is then served by A.
    const after = "query RegisteredAfterOutage { __typename }";
    await waitFor(async () => {
      expect(await post(serverB, { query: after, extensions: persisted(after) })).toEqual(typename());
      return (await redis.exists(`${keyPrefix}apq:${sha256(after)}`)) === 1;
    }, "B to register a query in Redis again");
    expect(await post(serverA, { extensions: persisted(after) })).toEqual(typename());
    expect(await get(serverB, persisted(before))).toEqual(typename());
    expect(logOfB.filter((line) => String(line.msg).startsWith("persisted queries:")).map((line) => [line.level, line.msg])).toEqual([
      ["warn", "persisted queries: Redis unavailable, clients are asked for full queries until it is back"],
      ["info", "persisted queries: Redis is back"],
    ]);
  });

  test("when Redis stops answering, hash-only requests are not found after the command timeout, not held", async () => {
    const query = "query RegisteredBeforeSilence { __typename }";
    expect(await post(serverA, { query, extensions: persisted(query) })).toEqual(typename());
    await waitFor(() => served(serverB, query), "B to serve the query");

    proxy.blackhole();
    expect(await post(serverB, { extensions: persisted(query) })).toEqual(notFound);
    const full = "query RunWhileRedisIsSilent { __typename }";
    expect(await post(serverB, { query: full, extensions: persisted(full) })).toEqual(typename());
    await proxy.restore();
    await waitFor(() => served(serverB, query), "B to serve the query again");
  });
});

(skipReason ? describe.skip : describe)("a server started while its Redis is away", () => {
  const keyPrefix = `newsgraph-test:${randomUUID()}:`;
  let proxy: TcpProxy;
  let server: TestServer;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true });
    await redis.connect();
    const { hostname, port } = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: hostname, port: Number(port) || 6379 });
    await proxy.cut();
    server = await startTestServer({ server: { persistedQueries: { redisUrl: proxy.proxiedUrl(REDIS_URL), keyPrefix } } });
  });

  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    if (redis) {
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
  });

  test("starts, runs full queries, and uses Redis once it comes", async () => {
    const query = "query StartedWithoutRedis { __typename }";
    expect(await post(server, { extensions: persisted(query) })).toEqual(notFound);
    expect(await post(server, { query, extensions: persisted(query) })).toEqual(typename());
    expect(await post(server, { extensions: persisted(query) })).toEqual(notFound);

    await proxy.restore();
    await waitFor(async () => {
      expect(await post(server, { query, extensions: persisted(query) })).toEqual(typename());
      return (await redis.get(`${keyPrefix}apq:${sha256(query)}`)) === query;
    }, "the server to store the query in Redis");
    expect(await post(server, { extensions: persisted(query) })).toEqual(typename());
  });
});

describe("persisted queries without Redis", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  test("are kept in the server's memory", async () => {
    const query = `query InMemory${randomUUID().replaceAll("-", "")} { __typename }`;
    expect(await post(server, { extensions: persisted(query) })).toEqual(notFound);
    expect(await post(server, { query, extensions: persisted(query) })).toEqual(typename());
    expect(await post(server, { extensions: persisted(query) })).toEqual(typename());
    expect(await get(server, persisted(query))).toEqual(typename());
  });
});
