// The federation router's credential: the shared secret in FEDERATION_SDL_SECRET, sent in the
// x-newsgraph-router-secret header. A request that carries it is a router's: it may read
// `_service { sdl }` with introspection off (plugins/federation-sdl.ts), and its introspection
// shows the federation machinery that other clients do not see (jit-executor.ts).
import { createHash, timingSafeEqual } from "node:crypto";

export const ROUTER_SECRET_HEADER = "x-newsgraph-router-secret";

/** Request headers as Apollo hands them to plugins (a Map) and to the executor (Fetch-style). */
interface Headers {
  get(name: string): string | null | undefined;
}

/** Whether a request's headers carry the router's secret; never, when no secret is configured. */
export type RouterCheck = (headers: Headers | undefined) => boolean;

export function routerCheck(secret: string | undefined): RouterCheck {
  if (secret === undefined) return () => false;
  const expected = digest(secret);
  return (headers) => {
    const sent = headers?.get(ROUTER_SECRET_HEADER);
    // Compared as digests: equal lengths for timingSafeEqual, and no early exit on a prefix.
    return typeof sent === "string" && timingSafeEqual(digest(sent), expected);
  };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
