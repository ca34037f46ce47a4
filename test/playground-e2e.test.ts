// Analysts' view: GraphQL Playground served by newsgraph itself, in a real (headless) Chromium
// with every request outside this machine blocked, running an example tab on the seeded data.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { blockExternalRequests, describeInBrowser, launchBrowser, watchPage } from "./support/browser";
import { startTestServer, type TestServer } from "./support/test-server";

describeInBrowser("GraphQL Playground in Chromium", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("opens offline at /, runs the first example tab, and documents the schema", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const blocked = await blockExternalRequests(context);
    const page = await context.newPage();
    const { pageErrors, policyViolations } = watchPage(page);

    await page.goto(`${server.url}/`);
    const run = page.locator('[title="Execute Query (Ctrl-Enter)"]');
    await run.waitFor({ timeout: 30_000 });
    // The tabs are the examples of schema/examples.graphql, the first one open.
    await page.getByText("Delegations at a meeting").filter({ visible: true }).first().waitFor({ timeout: 30_000 });
    await run.click();
    // The answer (the result pane renders only what is on screen) names the mediator.
    await page.getByText('"Morgan Ortagus"').filter({ visible: true }).first().waitFor({ timeout: 30_000 });

    const artifacts = path.join(__dirname, "artifacts");
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, "playground-newsgraph.png") });

    // The docs panel shows the descriptions written in the code.
    await page.getByText("Docs", { exact: true }).filter({ visible: true }).first().click();
    await page.locator(".doc-category-item", { hasText: "meetingBySlug" }).click();
    await page.getByText("One meeting by slug.").filter({ visible: true }).first().waitFor({ timeout: 30_000 });
    await context.close();

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  }, 120_000);
});

describe("with Playground turned off", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ playgroundEnabled: false });
  });
  afterAll(() => server?.stop());

  test("browsers get no page at / or /graphql, and GraphQL still answers", async () => {
    const root = await fetch(`${server.url}/`, { headers: { accept: "text/html" } });
    expect(root.status).toBe(404);
    const graphqlPage = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(graphqlPage.headers.get("content-type") ?? "").not.toContain("text/html");
    const { body } = await server.graphql(`{ countryByCode(code: "LB") { name } }`);
    expect(body.data).toEqual({ countryByCode: { name: "Lebanon" } });
  });
});
