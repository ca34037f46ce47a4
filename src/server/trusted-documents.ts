// Trusted documents (TRUSTED_DOCUMENTS_ONLY=true): the server executes only the GraphQL documents
// in a list kept in Redis, shared by every replica, under `${APQ_KEY_PREFIX}trusted:<sha256>` →
// the document's text, without expiry. The list is loaded with `npm run trust` (cli/trust.ts) from
// an Apollo persisted-query manifest or .graphql files; clients send a document's SHA-256 in
// `extensions.persistedQuery.sha256Hash` (as Apollo Client's persisted-query link does), or its
// full text. This is what Apollo's GraphOS Router calls safelisting with a persisted query list,
// and its error codes are the Router's:
//   - PERSISTED_QUERY_NOT_IN_LIST: a hash that is not in the list;
//   - QUERY_NOT_IN_SAFELIST: a document text that is not in it (with or without its hash: sending
//     both is how automatic persisted queries register a document, which is off in this mode);
//   - SERVICE_UNAVAILABLE (HTTP 503): the list could not be read (Redis away) and the document is
//     not in this process's cache. Fail closed: nothing is executed unchecked;
//   - BAD_REQUEST: a hash that is not the text's, or neither a text nor a hash.
//
// The check runs before Apollo parses anything; what Apollo receives is the checked text and no
// persistedQuery extension (Apollo's own APQ is off in this mode), so nothing else can reach the
// executor. Documents found are kept in a bounded in-process LRU cache: a hot document does not
// go to Redis on every request, and a known document is still served while Redis is away. A
// cached document is read again from Redis (in the background, the request does not wait) once
// it is REVALIDATE_AFTER_MS old, so that a document removed from the list stops being served
// within about that time; when that read fails, the cached copy is kept.
//
// checkTrustedDocument-style entry for other transports (WebSocket subscriptions): call
// `check(query, hash)` with the message's `query` and `extensions.persistedQuery.sha256Hash`, and
// execute the returned `query`, or answer the returned `error`.
import { createHash } from "node:crypto";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { GraphQLError } from "graphql";
import { ConfigError, PERSISTED_QUERY_DEFAULTS, type PersistedQueriesConfig } from "../config";
import type { Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import { connectRedis } from "./persisted-queries";
import { SERVICE_UNAVAILABLE } from "./plugins/service-unavailable";

export const TrustedDocumentCode = {
  PERSISTED_QUERY_NOT_IN_LIST: "PERSISTED_QUERY_NOT_IN_LIST",
  QUERY_NOT_IN_SAFELIST: "QUERY_NOT_IN_SAFELIST",
  SERVICE_UNAVAILABLE,
  BAD_REQUEST: "BAD_REQUEST",
} as const;
export type TrustedDocumentCode = (typeof TrustedDocumentCode)[keyof typeof TrustedDocumentCode];

/** How long a cached document is served before it is read again from Redis (in the background). */
export const REVALIDATE_AFTER_MS = 30_000;
/** Bound of the in-process cache, in characters of documents (InMemoryLRUCache's size). */
const CACHE_MAX_SIZE = 16 * 1024 * 1024;

/** The Redis key of a trusted document. */
export function trustedDocumentKey(keyPrefix: string, hash: string): string {
  return `${keyPrefix}trusted:${hash}`;
}

/** A document's id: the SHA-256 of its text, in lowercase hex (what Apollo's clients and manifests use). */
export function documentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The document to execute, or the error to answer instead. */
export type TrustedDocumentCheck = { query: string; error?: undefined } | { query?: undefined; error: GraphQLError };

export interface TrustedDocuments {
  /** Checks a request's document (its text, its hash, or both) against the list; never throws. */
  check(query: string | undefined, hash: string | undefined): Promise<TrustedDocumentCheck>;
  /** Resolves once the first connection to Redis is ready, has failed, or timed out. */
  connected(): Promise<void>;
  close(): Promise<void>;
}

export interface TrustedDocumentsOptions {
  redisUrl: string;
  keyPrefix: string;
  /** Default REVALIDATE_AFTER_MS. */
  revalidateAfterMs?: number;
  /** A Redis command or connection failed. */
  onRedisError?: () => void;
  /** A request was refused, with this code. */
  onRefusal?: (code: TrustedDocumentCode) => void;
}

interface Cached {
  text: string;
  checkedAt: number;
}

class RedisUnavailable extends Error {}

export function redisTrustedDocuments(options: TrustedDocumentsOptions, logger: Logger): TrustedDocuments {
  const revalidateAfterMs = options.revalidateAfterMs ?? REVALIDATE_AFTER_MS;
  const { redis, failed, firstConnection } = connectRedis(options.redisUrl, logger, options.onRedisError ?? (() => undefined), {
    name: "trusted documents",
    outage: "documents not in this process's cache are refused (SERVICE_UNAVAILABLE) until it is back",
  });
  const cache = new InMemoryLRUCache<Cached>({ maxSize: CACHE_MAX_SIZE, sizeCalculation: (entry) => entry.text.length + 64 });
  const revalidating = new Set<string>();

  /** The listed text of `hash` from Redis: undefined when not listed; throws RedisUnavailable. */
  async function read(hash: string): Promise<string | undefined> {
    let text: string | null;
    try {
      text = await redis.get(trustedDocumentKey(options.keyPrefix, hash));
    } catch (error) {
      failed(error);
      throw new RedisUnavailable();
    }
    if (text === null) return undefined;
    if (documentHash(text) !== hash) {
      // Written by something else than `npm run trust`: not trusted.
      logger.warn({ hash }, "trusted documents: the stored text does not hash to its key; ignored");
      return undefined;
    }
    return text;
  }

  function revalidate(hash: string): void {
    if (revalidating.has(hash)) return;
    revalidating.add(hash);
    read(hash)
      .then(async (text) => {
        if (text === undefined) await cache.delete(hash);
        else await cache.set(hash, { text, checkedAt: Date.now() });
      })
      // Redis away: the cached copy stays (the failure is already counted and logged).
      .catch(() => undefined)
      .finally(() => revalidating.delete(hash));
  }

  /** The listed text of `hash`, from the cache or Redis; undefined when not listed; throws RedisUnavailable. */
  async function lookup(hash: string): Promise<string | undefined> {
    const cached = await cache.get(hash);
    if (cached) {
      if (Date.now() - cached.checkedAt >= revalidateAfterMs) revalidate(hash);
      return cached.text;
    }
    const text = await read(hash);
    if (text !== undefined) await cache.set(hash, { text, checkedAt: Date.now() });
    return text;
  }

  const refuse = (code: TrustedDocumentCode, message: string, status: number): TrustedDocumentCheck => {
    options.onRefusal?.(code);
    return { error: new GraphQLError(message, { extensions: { code, http: { status } } }) };
  };

  return {
    async check(query, sentHash) {
      if (query === undefined && sentHash === undefined) {
        return refuse(TrustedDocumentCode.BAD_REQUEST, "GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.", 400);
      }
      const hash = sentHash?.toLowerCase();
      if (query !== undefined && hash !== undefined && documentHash(query) !== hash) {
        return refuse(TrustedDocumentCode.BAD_REQUEST, "provided sha does not match query", 400);
      }
      const id = hash ?? documentHash(query!);
      let text: string | undefined;
      try {
        text = SHA256_HEX.test(id) ? await lookup(id) : undefined;
      } catch (error) {
        if (!(error instanceof RedisUnavailable)) throw error;
        return refuse(
          TrustedDocumentCode.SERVICE_UNAVAILABLE,
          "The list of trusted documents cannot be read at the moment; try again later.",
          503,
        );
      }
      if (text !== undefined) return { query: text };
      if (query === undefined) {
        return refuse(
          TrustedDocumentCode.PERSISTED_QUERY_NOT_IN_LIST,
          `Persisted query '${sentHash}' is not in this server's list of trusted documents.`,
          400,
        );
      }
      return refuse(
        TrustedDocumentCode.QUERY_NOT_IN_SAFELIST,
        hash === undefined
          ? "The operation is not in this server's list of trusted documents; this server executes only those."
          : "The operation is not in this server's list of trusted documents; this server executes only those, and does not register new ones (automatic persisted queries are off).",
        400,
      );
    },
    connected: () => firstConnection,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** A GraphQL-over-HTTP request as graphql-http.ts hands it to Apollo. */
export interface HttpGraphQLRequestParts {
  method: string;
  /** The parsed JSON body of a POST. */
  body: unknown;
  /** The query string of the URL, with its `?` (or empty). */
  search: string;
}

/**
 * The HTTP side: reads the document (text and hash) of a GET's query string or a POST's JSON body,
 * checks it, and gives back the request to hand Apollo: the checked text as its `query` and no
 * `persistedQuery` extension. Resolves with the error to answer when refused.
 */
export function trustedHttpRequest(documents: TrustedDocuments) {
  return async (request: HttpGraphQLRequestParts): Promise<HttpGraphQLRequestParts | GraphQLError> => {
    // Apollo serves GET and POST only, and answers 405 to anything else: that is passed on with
    // nothing in it to execute.
    if (request.method !== "GET" && request.method !== "POST") return { ...request, body: undefined, search: "" };
    if (request.method === "GET") {
      const params = new URLSearchParams(request.search);
      const extensions = parseJsonParam(params.get("extensions"));
      if (extensions === INVALID) return badRequest("The `extensions` search parameter must be a JSON object.");
      const checked = await documents.check(params.get("query") ?? undefined, persistedQueryHash(extensions));
      if (checked.error) return checked.error;
      params.set("query", checked.query);
      const rest = withoutPersistedQuery(extensions);
      if (rest) params.set("extensions", JSON.stringify(rest));
      else params.delete("extensions");
      return { ...request, search: `?${params.toString()}` };
    }
    const body = request.body;
    // Anything that is not one JSON object (a batch, a string) is refused: only checked documents reach Apollo.
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return badRequest("The request body must be one JSON object (batched requests are not accepted).");
    }
    const { query, extensions } = body as { query?: unknown; extensions?: unknown };
    if (query !== undefined && typeof query !== "string") return badRequest("`query` must be a string.");
    const checked = await documents.check(query, persistedQueryHash(extensions));
    if (checked.error) return checked.error;
    const rest = withoutPersistedQuery(extensions);
    const { extensions: _extensions, ...others } = body as Record<string, unknown>;
    return { ...request, body: { ...others, query: checked.query, ...(rest ? { extensions: rest } : {}) } };
  };
}

const INVALID = Symbol("invalid");

function parseJsonParam(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : INVALID;
  } catch {
    return INVALID;
  }
}

export function persistedQueryHash(extensions: unknown): string | undefined {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  if (persisted === undefined || persisted === null) return undefined;
  // A persistedQuery extension without a usable hash is a hash that is in no list.
  return typeof persisted.sha256Hash === "string" ? persisted.sha256Hash : String(persisted.sha256Hash ?? "");
}

/** The request's extensions without `persistedQuery`; undefined when nothing else is left. */
function withoutPersistedQuery(extensions: unknown): Record<string, unknown> | undefined {
  if (typeof extensions !== "object" || extensions === null || Array.isArray(extensions)) return undefined;
  const { persistedQuery: _persistedQuery, ...rest } = extensions as Record<string, unknown>;
  return Object.keys(rest).length ? rest : undefined;
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: TrustedDocumentCode.BAD_REQUEST, http: { status: 400 } } });
}

/**
 * The trusted documents of a server under `trustedDocumentsOnly` (undefined otherwise): in the
 * Redis of `persistedQueries`, which it needs (a ConfigError without it).
 */
export function serverTrustedDocuments(
  options: { trustedDocumentsOnly?: boolean; persistedQueries?: Partial<PersistedQueriesConfig> },
  logger: Logger,
  metrics: Pick<Metrics, "redisErrors" | "trustedDocumentRefusals">,
): TrustedDocuments | undefined {
  if (!options.trustedDocumentsOnly) return undefined;
  const redisUrl = options.persistedQueries?.redisUrl;
  if (!redisUrl) {
    throw new ConfigError("invalid configuration: TRUSTED_DOCUMENTS_ONLY needs REDIS_URL (the list of trusted documents is kept in Redis, shared by every replica)");
  }
  return redisTrustedDocuments(
    {
      redisUrl,
      keyPrefix: options.persistedQueries?.keyPrefix ?? PERSISTED_QUERY_DEFAULTS.keyPrefix,
      onRedisError: () => metrics.redisErrors.inc(),
      onRefusal: (code) => metrics.trustedDocumentRefusals.inc({ code }),
    },
    logger,
  );
}
