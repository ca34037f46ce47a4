import { createHash } from "node:crypto";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { buildSchema, graphql } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Browser } from "playwright-core";
import { WebSocketServer } from "ws";
import { graphiqlRouter } from "../src/server/graphiql/graphiql";
import type { PlaygroundTab } from "../src/server/playground/playground";
import { blockExternalRequests, describeInBrowser, launchBrowser, watchPage } from "./support/browser";
import { startTestServer, type TestServer } from "./support/test-server";

const tabs: PlaygroundTab[] = [
  { name: "Say hello", query: "query Hello {\n  hello\n}" },
  { name: "Maybe hello", query: "query Maybe($skip: Boolean = false) {\n  hello @skip(if: $skip) # </script>\n}", variables: { skip: false } },
];

/** Greetings the test pushes to subscribers, once the browser has subscribed. */
class Greetings {
  private listeners = new Set<(greeting: string) => void>();
  private subscribed: (() => void)[] = [];

  /** Resolves once someone subscribes (the server has the subscription: no race with `push`). */
  subscriber(): Promise<void> {
    return this.listeners.size > 0 ? Promise.resolve() : new Promise((resolve) => this.subscribed.push(resolve));
  }

  push(greeting: string): void {
    for (const listener of this.listeners) listener(greeting);
  }

  async *subscribe(): AsyncGenerator<{ greetings: string }> {
    const queue: string[] = [];
    let wake: (() => void) | undefined;
    const listener = (greeting: string) => {
      queue.push(greeting);
      wake?.();
    };
    this.listeners.add(listener);
    for (const resolve of this.subscribed.splice(0)) resolve();
    try {
      for (;;) {
        while (queue.length > 0) yield { greetings: queue.shift()! };
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      this.listeners.delete(listener);
    }
  }
}

const greetings = new Greetings();

/**
 * A bare server: GraphiQL at /graphiql, a real (tiny) GraphQL endpoint on POST /graphql, and
 * graphql-ws on /graphql's WebSocket, as newsgraph's.
 */
function createServer(): Server {
  const schema = buildSchema("type Query { hello: String } type Subscription { greetings: String }");
  const rootValue = { hello: () => "world", greetings: () => greetings.subscribe() };
  const app = express();
  app.use("/graphiql", graphiqlRouter({ endpoint: "/graphql", title: "Newsgraph <test>", tabs }));
  app.post("/graphql", express.json(), async (req, res) => {
    const { query, variables, operationName } = req.body ?? {};
    res.json(await graphql({ schema, rootValue, source: query, variableValues: variables, operationName }));
  });
  const server = http.createServer(app);
  useServer({ schema, roots: { subscription: rootValue } }, new WebSocketServer({ server, path: "/graphql" }));
  return server;
}

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections(); // fetch keeps sockets alive; don't let them hold the process open
  await new Promise((resolve) => server.close(resolve));
});

const ASSETS = "/graphiql/assets";
const html = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

/** The page's one inline script, by which its CSP allows it. */
function inlineScript(page: string): string {
  const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  expect(scripts).toHaveLength(1);
  return scripts[0];
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("the GraphiQL page", () => {
  let page: string;
  let response: Response;

  beforeAll(async () => {
    response = await fetch(`${origin}/graphiql`, { headers: html });
    page = await response.text();
  });

  it("is HTML with a Content-Security-Policy allowing this server, its inline script and this host's WebSockets only", () => {
    const host = new URL(origin).host;
    expect(response.status).toBe(200);
    expect({
      "content-type": response.headers.get("content-type"),
      "cache-control": response.headers.get("cache-control"),
      "content-security-policy": response.headers.get("content-security-policy")?.split("; "),
      "x-frame-options": response.headers.get("x-frame-options"),
      "x-content-type-options": response.headers.get("x-content-type-options"),
    }).toEqual({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-cache",
      "content-security-policy": [
        "default-src 'none'",
        `script-src 'self' 'sha256-${sha256(inlineScript(page))}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        `connect-src 'self' ws://${host} wss://${host}`,
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ],
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
    });
  });

  it("is the same at /graphiql/", async () => {
    const again = await fetch(`${origin}/graphiql/`, { headers: html });
    expect(await again.text()).toBe(page);
  });

  it("escapes the title, and hands the tabs and endpoint to its script as JSON no text can break out of", () => {
    expect(page).toContain("<title>Newsgraph &lt;test&gt;</title>");
    const config = /var config = (.*);\n/.exec(inlineScript(page))![1];
    expect(config).not.toContain("</script>");
    expect(JSON.parse(config)).toEqual({
      endpoint: "/graphql",
      tabs: [
        { query: tabs[0].query },
        { query: tabs[1].query, variables: '{\n  "skip": false\n}' },
      ],
    });
  });

  it("references only same-origin URLs, each of which is served with its type, for a year", async () => {
    expect(page).not.toMatch(/(https?:)?\/\/[a-z]/i);
    const urls = [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => new URL(match[1], `${origin}/graphiql`));
    expect(urls.map((url) => url.pathname)).toEqual([
      `${ASSETS}/graphiql@3.9.0/dist/style.css`,
      `${ASSETS}/react@18.3.1/umd/react.production.min.js`,
      `${ASSETS}/react-dom@18.3.1/umd/react-dom.production.min.js`,
      `${ASSETS}/graphql-ws@${require("graphql-ws/package.json").version}/umd/graphql-ws.min.js`,
      `${ASSETS}/graphiql@3.9.0/dist/index.umd.js`,
    ]);
    const served: Record<string, unknown>[] = [];
    for (const url of [...urls, new URL(`${origin}${ASSETS}/graphiql@3.9.0/dist/index.umd.js.map`)]) {
      const asset = await fetch(url);
      const body = Buffer.from(await asset.arrayBuffer());
      served.push({
        file: url.pathname.split("/").pop(),
        status: asset.status,
        type: asset.headers.get("content-type"),
        cache: asset.headers.get("cache-control"),
        bytes: body.length === Number(asset.headers.get("content-length")) && body.length > 0,
      });
    }
    const ok = (file: string, type: string) => ({ file, status: 200, type, cache: "public, max-age=31536000, immutable", bytes: true });
    expect(served).toEqual([
      ok("style.css", "text/css; charset=utf-8"),
      ok("react.production.min.js", "text/javascript; charset=utf-8"),
      ok("react-dom.production.min.js", "text/javascript; charset=utf-8"),
      ok("graphql-ws.min.js", "text/javascript; charset=utf-8"),
      ok("index.umd.js", "text/javascript; charset=utf-8"),
      ok("index.umd.js.map", "application/json; charset=utf-8"),
    ]);
  });

  it("names no WebSocket origin in its CSP when the Host header is not a plain host", async () => {
    const { port } = server.address() as AddressInfo;
    const policy = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/graphiql", headers: { ...html, host: "evil; script-src *" } }, (res) => {
          res.resume();
          resolve(String(res.headers["content-security-policy"]));
        })
        .on("error", reject);
    });
    expect(policy.split("; ")).toContain("connect-src 'self'");
    expect(policy).not.toContain("evil");
  });
});

it("serves no other file of the packages", async () => {
  for (const path of [
    `${ASSETS}/graphiql@3.9.0/package.json`,
    `${ASSETS}/graphiql@3.9.0/graphiql.js`,
    `${ASSETS}/graphiql@3.9.0/dist/../package.json`,
    `${ASSETS}/react@18.3.1/umd/react.development.js`,
    `${ASSETS}/react@18.3.1/index.js`,
    `${ASSETS}/graphiql@3.8.0/dist/index.umd.js`,
  ]) {
    const response = await fetch(origin + path);
    await response.text();
    expect([path, response.status]).toEqual([path, 404]);
  }
});

it("refuses an endpoint on another origin (its CSP would block it)", () => {
  expect(() => graphiqlRouter({ endpoint: "https://example.org/graphql" })).toThrow(/must be a path on this server/);
});

describe("with Playground turned off, in newsgraph", () => {
  let newsgraph: TestServer;
  beforeAll(async () => {
    newsgraph = await startTestServer({ playgroundEnabled: false });
  }, 120_000);
  afterAll(() => newsgraph?.stop());

  test("GraphiQL is off too: /graphiql and its assets are not found", async () => {
    for (const path of ["/graphiql", `${ASSETS}/graphiql@3.9.0/dist/index.umd.js`]) {
      const response = await fetch(newsgraph.url + path, { headers: html });
      expect([path, response.status, response.headers.get("content-type"), await response.json()]).toEqual([
        path,
        404,
        "application/json; charset=utf-8",
        expect.objectContaining({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "NOT_FOUND" }) })] }),
      ]);
    }
  });
});

describeInBrowser("in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Resolves once the result pane (CodeMirror: only what is on screen is rendered) contains `text`. */
  const resultShows = (page: import("playwright-core").Page, text: string) =>
    page.waitForFunction((expected) => document.querySelector(".result-window")?.textContent?.includes(expected) ?? false, text, {
      timeout: 30_000,
    });

  it("opens the tabs offline, runs the first, and receives a subscription's events over graphql-ws", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const blocked = await blockExternalRequests(context);
    const page = await context.newPage();
    const { pageErrors, policyViolations } = watchPage(page);

    await page.goto(`${origin}/graphiql`);
    const run = page.locator(".graphiql-execute-button");
    await run.waitFor({ timeout: 30_000 });
    // Both tabs, titled by their operations, the first one open.
    await page.locator(".graphiql-tab", { hasText: "Hello" }).waitFor({ timeout: 30_000 });
    await page.locator(".graphiql-tab", { hasText: "Maybe" }).waitFor({ timeout: 30_000 });
    await run.click();
    await resultShows(page, '"hello": "world"');

    // A subscription from the URL: the events arrive in the result pane as they are pushed.
    await page.goto(`${origin}/graphiql?query=${encodeURIComponent("subscription { greetings }")}`);
    await run.waitFor({ timeout: 30_000 });
    await run.click();
    await greetings.subscriber();
    greetings.push("first greeting");
    await resultShows(page, '"greetings": "first greeting"');
    greetings.push("second greeting");
    await resultShows(page, '"greetings": "second greeting"');
    await page.locator('.graphiql-execute-button[aria-label="Stop query (Ctrl-Enter)"]').click();
    await context.close();

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  }, 120_000);
});
