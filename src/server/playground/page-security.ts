// The headers of the Playground page: a Content-Security-Policy as strict as the page allows,
// and no framing (clickjacking). The page's one inline script is allowed by its sha256 hash (the
// page is rendered once per mount point, so the hash is too), every other script must come from
// this server; requests go to this server only (`connect-src 'self'`), nothing loads from
// elsewhere. Styles need 'unsafe-inline': the page has style attributes, and Playground's
// styled-components inserts <style> elements at run time. GraphiQL's page (../graphiql) uses the
// same headers, with its WebSocket origins added to `connect-src`.
import { createHash } from "node:crypto";

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** What a page may do beyond the defaults. */
export interface PageSecurityOptions {
  /** More `connect-src` sources than `'self'`, e.g. this host's `ws:`/`wss:` origins. */
  connectSrc?: readonly string[];
}

/** The response headers for `page`, a rendered Playground (or GraphiQL) HTML page. */
export function pageSecurityHeaders(page: string, options: PageSecurityOptions = {}): Record<string, string> {
  const scriptHashes = [...page.matchAll(INLINE_SCRIPT)].map(
    ([, text]) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`,
  );
  const policy = [
    "default-src 'none'",
    `script-src 'self' ${scriptHashes.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...(options.connectSrc ?? [])].join(" "),
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  return {
    "Content-Security-Policy": policy.join("; "),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
  };
}
