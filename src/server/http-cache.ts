// HTTP caching of GraphQL answers, decided for the whole response (no per-field hints: Apollo's
// cache-control plugin stays off, it costs a third of the CPU of large reads).
//
// - An anonymous read over GET (a `query` parameter, or an automatic persisted query's hash)
//   answered 200 without errors is `Cache-Control: public, max-age=<HTTP_CACHE_MAX_AGE_SECONDS>`
//   with a strong ETag (a SHA-256 of its media type and body). A GET whose If-None-Match names
//   that ETag (or `*`) is answered 304 Not Modified with no body and the same ETag,
//   Cache-Control and Vary (RFC 9110 §13.1.2: weak comparison, a list of tags).
// - Everything else is `Cache-Control: no-store`: a request with an Authorization header or the
//   router's secret (its answer may be the caller's own), one with X-Newsgraph-Read-Primary (it
//   asks to see a write just made: a cached answer would defeat it), an answer with `errors`,
//   any status but 200, and every POST (and no hashing for them: POSTs are nearly all traffic).
//   Mutations never reach here by GET: Apollo refuses them with 405.
// - Every GET answer from Apollo carries `Vary: Accept, Authorization, X-Newsgraph-Read-Primary,
//   X-Newsgraph-Router-Secret`, the request headers that change the answer, so that a cache does
//   not hand an anonymous answer to a request with any of them. The server does not compress
//   (a proxy that does adds Accept-Encoding itself) and reads no cookie.
// - Answers written before Apollo (a refused body or query text, graphql-http.ts) and streamed
//   ones are no-store.
// - HTTP_CACHE_MAX_AGE_SECONDS=0 turns caching off: every answer no-store, no ETag.
//
// Apollo's CSRF prevention refuses GETs without a preflight header or a non-simple content type;
// those headers are not in Vary: they decide only whether a request is refused (an error answer,
// never stored), and an answer a cache holds is public.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpCacheConfig } from "../config";
import { READ_PRIMARY_HEADER } from "./plugins/read-primary";
import { ROUTER_SECRET_HEADER } from "./router-credential";

export const NO_STORE = "no-store";

/** The request headers an answer to a GET depends on. */
export const VARY = ["Accept", "Authorization", READ_PRIMARY_HEADER, "X-Newsgraph-Router-Secret"].join(", ");

/** Request headers that make an answer the caller's own (or ask for fresh reads): never stored. */
const UNCACHEABLE_REQUEST_HEADERS = ["authorization", ROUTER_SECRET_HEADER, READ_PRIMARY_HEADER.toLowerCase()];

/** Apollo writes `errors` first in every JSON answer (runHttpQuery's orderExecutionResultFields). */
const ERRORS_FIRST = '{"errors":';

const GRAPHQL_MEDIA_TYPES = ["application/json", "application/graphql-response+json"];

export interface HttpCachePolicy {
  /**
   * Sets the caching headers of a complete GraphQL answer about to be sent with `status`, of
   * media type `mediaType`. Returns true when the client's copy is current: the caller then
   * answers 304 with no body (and its representation headers removed).
   */
  answer(req: IncomingMessage, res: ServerResponse, status: number, mediaType: string | undefined, body: string): boolean;
}

export function httpCachePolicy(config: HttpCacheConfig): HttpCachePolicy {
  const cacheControl = config.maxAgeSeconds > 0 ? `public, max-age=${config.maxAgeSeconds}` : undefined;
  return {
    answer(req, res, status, mediaType, body) {
      if (req.method !== "GET") {
        res.setHeader("cache-control", NO_STORE);
        return false;
      }
      res.setHeader("vary", VARY);
      if (!cacheControl || !isCacheable(req, status, mediaType, body)) {
        res.setHeader("cache-control", NO_STORE);
        return false;
      }
      const etag = entityTag(mediaType ?? "", body);
      res.setHeader("cache-control", cacheControl);
      res.setHeader("etag", etag);
      return ifNoneMatch(req.headers["if-none-match"], etag);
    },
  };
}

/** An anonymous read answered 200 without errors, as JSON. */
function isCacheable(req: IncomingMessage, status: number, mediaType: string | undefined, body: string): boolean {
  if (status !== 200 || body.startsWith(ERRORS_FIRST)) return false;
  if (!mediaType || !GRAPHQL_MEDIA_TYPES.some((type) => mediaType.startsWith(type))) return false;
  return UNCACHEABLE_REQUEST_HEADERS.every((name) => req.headers[name] === undefined);
}

/** A strong validator: the media type is in it, since the same body as another media type is another representation. */
function entityTag(mediaType: string, body: string): string {
  return `"${createHash("sha256").update(mediaType).update("\n").update(body).digest("base64url")}"`;
}

/**
 * Whether an If-None-Match header value matches `etag` (RFC 9110 §13.1.2): `*`, or a
 * comma-separated list of entity tags compared weakly (`W/"x"` matches `"x"`). Malformed members
 * match nothing.
 */
export function ifNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(", ") : header;
  if (value.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  // An entity tag's characters may include commas, so tags are matched rather than split.
  for (const match of value.matchAll(/(?:W\/)?("[^"]*")/g)) {
    if (match[1] === opaque) return true;
  }
  return false;
}
