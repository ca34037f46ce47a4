// Apollo's automatic persisted queries (APQ) kept in Redis, so that a query registered on one
// replica is served by hash on every other one. Without a Redis URL, Apollo keeps them in each
// process's memory (its default).
//
// The client is ioredis: maintained (5.x and 6.x releases in 2026; runs on Node 20, 22 and 24),
// widely used, and it gives the bounds this store needs directly: `connectTimeout`, `commandTimeout`, `enableOfflineQueue: false` (a command while
// disconnected fails at once instead of queueing) and a `retryStrategy` that reconnects forever.
// Apollo's interface is three methods (get/set/delete with a ttl), so a small KeyValueCache over
// it is simpler than @apollo/utils.keyvadapter + keyv + @keyv/redis, whose layers hide those options.
//
// A Redis outage must never fail a request: every error is caught here, logged (once when Redis
// goes away, once when it is back), and a read answers "not found" — Apollo then asks the client
// for the full query (PERSISTED_QUERY_NOT_FOUND), and a full query still runs (its write is lost).
import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import type { Redis } from "ioredis";
import type { PersistedQueriesConfig } from "../config";
import type { Logger } from "../observability/logger";

/** Bounds on Redis: a request waits at most this long for its persisted query. */
export const REDIS_TIMEOUTS = { connectTimeoutMs: 500, commandTimeoutMs: 300, maxReconnectDelayMs: 2_000 } as const;

export interface RedisPersistedQueries {
  /** Apollo's `persistedQueries` option. */
  apolloOption: { cache: KeyValueCache<string>; ttl: number };
  /**
   * Resolves once the first connection is ready, or has failed, or after the connect timeout:
   * a server starts without Redis, but when Redis is there its first requests find it.
   */
  connected(): Promise<void>;
  /** Closes the connection (and stops reconnecting). */
  close(): Promise<void>;
}

/** A persisted-query store in Redis; the connection is made in the background (a server starts without Redis). */
export function redisPersistedQueries(
  config: Required<Pick<PersistedQueriesConfig, "redisUrl">> & Omit<PersistedQueriesConfig, "redisUrl">,
  logger: Logger,
  onError: () => void = () => undefined,
): RedisPersistedQueries {
  const { redis, failed, firstConnection } = connectRedis(config.redisUrl, logger, onError, {
    name: "persisted queries",
    outage: "clients are asked for full queries until it is back",
  });
  const prefix = config.keyPrefix;
  const cache: KeyValueCache<string> = {
    async get(key) {
      try {
        return (await redis.get(prefix + key)) ?? undefined;
      } catch (error) {
        failed(error);
        return undefined;
      }
    },
    async set(key: string, value: string, options?: KeyValueCacheSetOptions) {
      const ttl = options?.ttl ?? config.ttlSeconds;
      try {
        await (ttl > 0 ? redis.set(prefix + key, value, "EX", Math.ceil(ttl)) : redis.set(prefix + key, value));
      } catch (error) {
        failed(error);
      }
    },
    async delete(key) {
      try {
        return (await redis.del(prefix + key)) > 0;
      } catch (error) {
        failed(error);
        return false;
      }
    },
  };
  return {
    apolloOption: { cache, ttl: config.ttlSeconds },
    connected: () => firstConnection,
    async close() {
      // QUIT lets Redis finish; when it cannot be sent (Redis is away), the socket is just closed.
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export interface RedisConnection {
  redis: Redis;
  /** Counts and logs a failed command (the outage is logged once, and its end once). */
  failed(error: unknown): void;
  /** Resolves once the first connection is ready, or has failed, or after the connect timeout. */
  firstConnection: Promise<void>;
}

/**
 * A Redis connection with this store's bounds (REDIS_TIMEOUTS, no offline queue, reconnecting
 * forever), logging "<name>: Redis unavailable, <outage>" once per outage and "<name>: Redis is
 * back" when it ends. Shared with the trusted documents (trusted-documents.ts).
 */
export function connectRedis(
  url: string,
  logger: Logger,
  onError: () => void,
  messages: { name: string; outage: string },
): RedisConnection {
  // Loaded here, when Redis is configured: a server without it never needs the client (~12 MB of
  // resident memory once loaded).
  const { Redis } = require("ioredis") as typeof import("ioredis");
  const redis = new Redis(url, {
    connectTimeout: REDIS_TIMEOUTS.connectTimeoutMs,
    commandTimeout: REDIS_TIMEOUTS.commandTimeoutMs,
    enableOfflineQueue: false,
    // A command cut by a lost connection fails at once (the caller answers for it) rather than waiting to be resent.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt) => Math.min(attempt * 100, REDIS_TIMEOUTS.maxReconnectDelayMs),
    // Reconnects on READONLY errors too (a failed-over primary).
    reconnectOnError: (error) => error.message.startsWith("READONLY"),
  });
  const where = redactedUrl(url);
  let available = true;
  const failed = (error: unknown) => {
    onError();
    if (!available) return;
    available = false;
    logger.warn({ redis: where, err: error }, `${messages.name}: Redis unavailable, ${messages.outage}`);
  };
  redis.on("error", failed);
  redis.on("ready", () => {
    if (available) return;
    available = true;
    logger.info({ redis: where }, `${messages.name}: Redis is back`);
  });
  const firstConnection = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, REDIS_TIMEOUTS.connectTimeoutMs * 2);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", done);
    redis.once("error", done);
  });
  return { redis, failed, firstConnection };
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
