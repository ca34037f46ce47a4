/**
 * Headless Chromium for end-to-end tests, using Debian's `chromium` package (playwright-core ships
 * no browser, and Playwright's own browser download needs internet).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's launcher script; it execs /usr/lib/chromium/chromium with the flags we pass. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser tests run where Chromium is installed (CI installs Debian's package). Elsewhere they
 * are skipped, unless NEWSGRAPH_REQUIRE_BROWSER=1 (set by .ci/run) makes a missing browser fail.
 */
export const browserAvailable = existsSync(CHROMIUM_PATH) || process.env.NEWSGRAPH_REQUIRE_BROWSER === "1";
export const describeInBrowser = browserAvailable ? describe : describe.skip;

/** Launches headless Chromium with everything that phones home (updates, sync, QUIC probes) off. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox", // we run as root in containers, where Chromium's sandbox cannot start
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** True for URLs served by this machine (and for data:/blob: URLs, which make no request). */
export function isLocalUrl(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === "data:" || parsed.protocol === "blob:") return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

/**
 * Aborts every HTTP(S) request and closes every WebSocket whose host is not 127.0.0.1/localhost,
 * and returns the (live) list of URLs that were blocked, so a test can assert it stays empty.
 * Call it before navigating. Works on a page or on a whole context (covers popups too).
 */
export async function blockExternalRequests(target: Page | BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await target.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  await target.routeWebSocket(/.*/, (ws) => {
    if (isLocalUrl(ws.url())) return ws.connectToServer();
    blocked.push(ws.url());
    return ws.close();
  });
  return blocked;
}

/**
 * What a page did wrong, collected as it runs: uncaught errors, and what its
 * Content-Security-Policy had to block (the policy must not have to block anything the page does).
 */
export function watchPage(page: Page): { pageErrors: string[]; policyViolations: string[] } {
  const watched = { pageErrors: [] as string[], policyViolations: [] as string[] };
  page.on("pageerror", (error) => watched.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) watched.policyViolations.push(message.text());
  });
  return watched;
}
