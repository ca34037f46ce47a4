// Analysts' view of GraphiQL served by newsgraph itself at /graphiql, in a real (headless) Chromium
// with every request outside this machine blocked: a query on the seeded data, and a subscription
// over graphql-ws that shows an article recorded meanwhile.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { blockExternalRequests, describeInBrowser, launchBrowser, watchPage } from "./support/browser";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

/** GraphiQL's run button: "Execute query (Ctrl-Enter)", or "Stop query (Ctrl-Enter)" while one runs. */
const RUN = ".graphiql-execute-button";

/** Resolves once the result pane (CodeMirror: only what is on screen is rendered) contains `text`. */
async function resultShows(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector(".result-window")?.textContent?.includes(expected) ?? false, text, {
    timeout: 30_000,
  });
}

/**
 * Resolves when the page sends a graphql-ws `subscribe` message (GraphiQL's stop button shows as
 * soon as it asks its client to subscribe, before the socket is even open).
 */
function subscribeSent(page: Page, timeout = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`GraphiQL sent no graphql-ws subscribe message within ${timeout} ms`)), timeout);
    page.on("websocket", (socket) =>
      socket.on("framesent", ({ payload }) => {
        if (typeof payload === "string" && /"type"\s*:\s*"subscribe"/.test(payload)) {
          clearTimeout(timer);
          resolve();
        }
      }),
    );
  });
}

describeInBrowser("GraphiQL in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let blocked: string[];
  let pageErrors: string[];
  let policyViolations: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    blocked = await blockExternalRequests(context);
    page = await context.newPage();
    ({ pageErrors, policyViolations } = watchPage(page));
  });
  afterEach(async () => {
    await context?.close();
  });

  /** Opens GraphiQL with `query` in its editor (the page reads `?query=`: no typing into CodeMirror). */
  async function open(query: string): Promise<void> {
    await page.goto(`${server.url}/graphiql?query=${encodeURIComponent(query)}`);
    await page.locator(RUN).waitFor({ timeout: 30_000 });
    // GraphiQL introspects the schema first; the editor then knows the fields.
    await page.locator(".graphiql-query-editor .CodeMirror").waitFor({ timeout: 30_000 });
  }

  test("opens offline at /graphiql and runs a query on the seeded data", async () => {
    await open(`{ meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { title } }`);
    await page.locator(RUN).click();
    await resultShows(page, '"title": "First direct civilian talks between Lebanon and Israel in decades"');

    const artifacts = path.join(__dirname, "artifacts");
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, "graphiql-newsgraph.png") });

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  }, 120_000);

  test("opens the examples of schema/examples.graphql as tabs, the first one ready to run", async () => {
    await page.goto(`${server.url}/graphiql`);
    await page.locator(RUN).waitFor({ timeout: 30_000 });
    // GraphiQL titles its tabs by their operation's name.
    await page.locator(".graphiql-tab", { hasText: "PersonMeetings" }).waitFor({ timeout: 30_000 });
    await page.locator(".graphiql-tab-active", { hasText: "DelegationsAtMeeting" }).waitFor({ timeout: 30_000 });
    await page.locator(RUN).click();
    await resultShows(page, '"name": "Morgan Ortagus"');

    const artifacts = path.join(__dirname, "artifacts");
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, "graphiql-examples.png") });

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  }, 120_000);

  // Written against the subscriptions contract being built on another branch (graphql-ws at
  // /graphql, `articleRecorded`): it fails until that server side is merged.
  test("subscribes over graphql-ws and shows an article recorded meanwhile", async () => {
    await open("subscription { articleRecorded { articleSlug via } }");
    const subscribed = subscribeSent(page);
    subscribed.catch(() => undefined); // awaited below; not unhandled if the test fails before
    await page.locator(RUN).click();
    await page.locator(`${RUN}[aria-label="Stop query (Ctrl-Enter)"]`).waitFor({ timeout: 30_000 });
    // The subscribe message reaches the server before the mutation below is sent, and the
    // mutation is authenticated and committed before its event is published: time enough for
    // the server to have registered the subscription.
    await subscribed;

    const slug = "2026-02-01-graphiql-subscription";
    const recorded = await server.graphql(
      `mutation ($document: JSONObject!) { recordArticle(document: $document) { article { slug } } }`,
      { document: { article: { slug, title: "Recorded while GraphiQL listens", publisher: "newsgraph tests", publishedOn: "2026-02-01" } } },
      await bearer(),
    );
    expect(recorded.body.data).toEqual({ recordArticle: { article: { slug } } });
    await resultShows(page, `"articleSlug": "${slug}"`);

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  }, 120_000);
});
