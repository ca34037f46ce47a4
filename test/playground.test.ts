import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
import { buildSchema, graphql } from "graphql";
import type { Browser } from "playwright-core";
import { playgroundRouter, tabsFromExamples, type PlaygroundTab } from "../src/server/playground/playground";
import { blockExternalRequests, describeInBrowser, launchBrowser } from "./support/browser";

const tabs: PlaygroundTab[] = [
  { name: "Say hello", query: "query Hello {\n  hello\n}" },
  { name: "Maybe hello", query: 'query Maybe($skip: Boolean = false) {\n  hello @skip(if: $skip) # "quoted"\n}', variables: { skip: false } },
];

/** A bare app: Playground at `/` and at `/graphql`, and a real (tiny) GraphQL endpoint on POST /graphql. */
function createApp() {
  const schema = buildSchema("type Query { hello: String }");
  const rootValue = { hello: () => "world" };
  const app = express();
  app.use("/graphql", playgroundRouter({ endpoint: "/graphql", title: "Newsgraph test", tabs }));
  app.post("/graphql", express.json(), async (req, res) => {
    const { query, variables, operationName } = req.body ?? {};
    res.json(await graphql({ schema, rootValue, source: query, variableValues: variables, operationName }));
  });
  app.use("/", playgroundRouter({ endpoint: "/graphql", tabs }));
  return app;
}

let server: Server;
let origin: string;

beforeAll(async () => {
  server = await new Promise<Server>((resolve) => {
    const s = createApp().listen(0, "127.0.0.1", () => resolve(s));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections(); // fetch keeps sockets alive; don't let them hold the process open
  await new Promise((resolve) => server.close(resolve));
});

const html = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

/** The config the page hands to GraphQLPlayground.init (the renderer HTML-escapes it into a div). */
function embeddedConfig(page: string): any {
  const escaped = /<div id="playground-config" style="display: none;">([\s\S]*?)<\/div>/.exec(page)![1];
  const text = escaped.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  return JSON.parse(text);
}

describe.each(["/", "/graphql"])("playground page mounted at %s", (mount) => {
  let page: string;
  let response: Response;

  beforeAll(async () => {
    response = await fetch(origin + mount, { headers: html });
    page = await response.text();
  });

  it("is served as HTML", () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("preloads the tabs against the endpoint", () => {
    for (const tab of tabs) {
      expect(page).toContain(JSON.stringify(tab.name));
      expect(page).toContain(JSON.stringify(tab.query));
    }
    expect(embeddedConfig(page).tabs).toEqual([
      { endpoint: "/graphql", name: "Say hello", query: tabs[0].query },
      { endpoint: "/graphql", name: "Maybe hello", query: tabs[1].query, variables: '{\n  "skip": false\n}' },
    ]);
    expect(embeddedConfig(page).settings).toMatchObject({ "schema.polling.enable": false, "tracing.hideTracingResponse": true });
  });

  it("references only same-origin URLs, each of which is served", async () => {
    expect(page).not.toContain("fonts.googleapis");
    const urls = [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => new URL(match[1], origin + mount));
    expect(urls.map((url) => url.pathname).sort()).toEqual(
      ["build/favicon.png", "build/static/css/index.css", "build/static/js/middleware.js"].map(
        (file) => `${mount === "/" ? "" : mount}/playground-assets/@apollographql/graphql-playground-react@1.7.42/${file}`,
      ),
    );
    const expectedType: Record<string, RegExp> = { png: /^image\/png/, css: /^text\/css/, js: /^(text|application)\/javascript/ };
    for (const url of urls) {
      expect(url.origin).toBe(origin);
      const asset = await fetch(url);
      await asset.arrayBuffer();
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toMatch(expectedType[url.pathname.split(".").pop()!]);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
  });
});

it("leaves non-HTML GET requests to the next handler", async () => {
  const response = await fetch(`${origin}/graphql?query=%7Bhello%7D`, { headers: { accept: "application/json" } });
  await response.text();
  expect(response.status).toBe(404); // our fake endpoint only answers POST
});

it("does not serve the package's other files", async () => {
  const base = `${origin}/playground-assets/@apollographql/graphql-playground-react@1.7.42/build`;
  for (const file of ["index.html", "package.json", "welcome.graphql", "static/js/missing.js"]) {
    const response = await fetch(`${base}/${file}`);
    await response.text();
    expect(response.status).toBe(404);
  }
});

describe("tabsFromExamples", () => {
  it("makes one tab per named operation, with names and variables from the comments above", () => {
    const source = [
      "# Examples for the playground",
      "",
      "# Tab: Countries by name",
      '# Variables: {"name": "Lebanon", "first": 5}',
      "query CountriesByName($name: String!, $first: Int) {",
      "  countries(name: $name, first: $first) { ...CountryFields }",
      "}",
      "",
      "fragment CountryFields on Country { id name }",
      "",
      "# Just a comment",
      "query Meetings {",
      "  meetings { id }",
      "}",
      "",
    ].join("\n");
    expect(tabsFromExamples(source)).toEqual([
      {
        name: "Countries by name",
        query:
          "query CountriesByName($name: String!, $first: Int) {\n  countries(name: $name, first: $first) { ...CountryFields }\n}" +
          "\n\nfragment CountryFields on Country { id name }",
        variables: { name: "Lebanon", first: 5 },
      },
      { name: "Meetings", query: "query Meetings {\n  meetings { id }\n}" },
    ]);
  });

  it("rejects invalid variables JSON", () => {
    expect(() => tabsFromExamples("# Variables: {nope}\nquery A { a }")).toThrow(/Variables.*operation A/);
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

  it("renders offline and runs the first tab", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const blocked = await blockExternalRequests(context);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`${origin}/graphql`);
    const run = page.locator('[title="Execute Query (Ctrl-Enter)"]');
    await run.waitFor({ state: "visible", timeout: 30_000 });
    await run.click();
    await page.getByText('"world"').waitFor({ state: "visible", timeout: 30_000 });

    const artifacts = join(__dirname, "artifacts");
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "playground.png") });
    await context.close();

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
