/**
 * GraphiQL (the GraphQL Foundation's IDE) served entirely from this server, beside Playground.
 * Playground only speaks the legacy subscriptions-transport-ws protocol
 * (graphql/graphql-playground#1291); GraphiQL runs subscriptions over graphql-ws
 * (graphql-transport-ws), the protocol of `/graphql`'s WebSocket.
 *
 * The page is GraphiQL 3's prebuilt browser bundle (React 18 UMD builds as its globals) and
 * graphql-ws's UMD client, each file served from its npm package in node_modules, streamed from
 * disk (nothing is held in memory but the small page). Asset URLs carry each package's version,
 * so they are cached as immutable: an upgrade changes the URL. The page's one inline script
 * (the configuration and the start) is allowed by its hash in the Content-Security-Policy, like
 * Playground's.
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import express, { type Request, type Response, type NextFunction, type Router } from "express";
import { pageSecurityHeaders } from "../playground/page-security";
import type { PlaygroundTab } from "../playground/playground";

/** Options for {@link graphiqlRouter}. */
export interface GraphiQLOptions {
  /** Path of the GraphQL endpoint on this server, e.g. `/graphql`: HTTP for queries and mutations, WebSocket for subscriptions. */
  endpoint: string;
  /** Page title; defaults to "GraphiQL". */
  title?: string;
  /** Tabs opened on a browser's first visit (GraphiQL keeps its tabs in the browser's storage after that). */
  tabs?: PlaygroundTab[];
}

/** The files the page loads, by npm package; nothing else of the packages is served. */
const ASSETS = {
  react: ["umd/react.production.min.js"],
  "react-dom": ["umd/react-dom.production.min.js"],
  "graphql-ws": ["umd/graphql-ws.min.js"],
  // dist/index.umd.js is graphiql.min.js (same bytes) under the name its source map comment
  // uses, so the map beside it resolves in dev tools (which alone fetch it: 4 MB).
  graphiql: ["dist/index.umd.js", "dist/index.umd.js.map", "dist/style.css"],
} as const;
type AssetPackage = keyof typeof ASSETS;

const ASSETS_SEGMENT = "/assets";

/** Versioned URLs never change content, so browsers may keep them for a year without revalidating. */
const immutableAssets = { maxAge: "365d", immutable: true } as const;

/** A Host header we are willing to copy into the CSP: a name or IP literal and a port, nothing else. */
const PLAIN_HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

interface InstalledPackage {
  /** The package's folder in node_modules. */
  dir: string;
  /** `<name>@<version>`, the URL segment of its files. */
  segment: string;
}

/** Where each package is installed, and its version (read once, at start). */
function installedPackages(): Record<AssetPackage, InstalledPackage> {
  const packages = {} as Record<AssetPackage, InstalledPackage>;
  for (const name of Object.keys(ASSETS) as AssetPackage[]) {
    const manifest = require.resolve(`${name}/package.json`);
    const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
    packages[name] = { dir: dirname(manifest), segment: `${name}@${version}` };
  }
  return packages;
}

/**
 * Express router serving the GraphiQL page at GET `/` (mount it at `/graphiql`) and its assets
 * under `/assets/<package>@<version>/` relative to the mount point.
 *
 * A `?query=` (and `?variables=`) in the page's URL opens that query instead of the tabs.
 */
export function graphiqlRouter(options: GraphiQLOptions): Router {
  if (!options.endpoint.startsWith("/")) {
    throw new Error(`GraphiQL's endpoint must be a path on this server (its CSP allows no other origin), not ${options.endpoint}`);
  }
  const packages = installedPackages();
  const router = express.Router();
  // Each mount point gets its own asset URLs; render the page once per mount point.
  const pages = new Map<string, string>();

  router.get("/", (req: Request, res: Response) => {
    let html = pages.get(req.baseUrl);
    if (html === undefined) {
      html = renderPage(options, req.baseUrl + ASSETS_SEGMENT, packages);
      pages.set(req.baseUrl, html);
    }
    // Subscriptions open a WebSocket to this host. CSP Level 3 counts ws:/wss: of the same host as
    // 'self', older browsers do not: name them, when the Host header is a plain host[:port].
    const host = req.get("host");
    const connectSrc = host !== undefined && PLAIN_HOST.test(host) ? [`ws://${host}`, `wss://${host}`] : [];
    // The page embeds the current configuration: let browsers revalidate it each time.
    res.set(pageSecurityHeaders(html, { connectSrc })).set("Cache-Control", "no-cache").type("html").send(html);
  });

  for (const [name, files] of Object.entries(ASSETS) as [AssetPackage, readonly string[]][]) {
    const { dir, segment } = packages[name];
    for (const file of files) {
      router.get(`${ASSETS_SEGMENT}/${segment}/${file}`, (_req: Request, res: Response, next: NextFunction) => {
        // `root` keeps send's dotfile check off the parent path (the project may live under a dot dir).
        res.sendFile(file, { ...immutableAssets, root: dir }, (err) => err && next(err));
      });
    }
  }
  return router;
}

function renderPage(options: GraphiQLOptions, assetsUrl: string, packages: Record<AssetPackage, InstalledPackage>): string {
  const url = (name: AssetPackage, file: string) => `${assetsUrl}/${packages[name].segment}/${file}`;
  const config = {
    endpoint: options.endpoint,
    tabs: (options.tabs ?? []).map((tab) => ({
      query: tab.query,
      // GraphiQL wants the variables editor's text, not an object.
      variables: tab.variables === undefined ? undefined : JSON.stringify(tab.variables, null, 2),
    })),
  };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title ?? "GraphiQL")}</title>
<link rel="stylesheet" href="${url("graphiql", "dist/style.css")}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${url("react", "umd/react.production.min.js")}"></script>
<script src="${url("react-dom", "umd/react-dom.production.min.js")}"></script>
<script src="${url("graphql-ws", "umd/graphql-ws.min.js")}"></script>
<script src="${url("graphiql", "dist/index.umd.js")}"></script>
<script>${startScript(config)}</script>
</body>
</html>
`;
}

/**
 * The page's inline script: a fetcher that sends queries and mutations over HTTP and
 * subscriptions over a graphql-ws WebSocket to the same endpoint (opened on the first
 * subscription), then GraphiQL with the tabs, or with the URL's `?query=`.
 */
function startScript(config: { endpoint: string; tabs: { query: string; variables?: string }[] }): string {
  // `<` escaped, so no text of the config can close the script element.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `
(function () {
  var config = ${json};
  var http = new URL(config.endpoint, location.href);
  var socket = new URL(http.href);
  socket.protocol = http.protocol === "https:" ? "wss:" : "ws:";
  var fetcher = GraphiQL.createFetcher({
    url: http.href,
    wsClient: graphqlWs.createClient({ url: socket.href }),
    enableIncrementalDelivery: false,
  });
  var params = new URLSearchParams(location.search);
  var props = { fetcher: fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: false };
  if (params.has("query")) {
    props.query = params.get("query");
    if (params.has("variables")) props.variables = params.get("variables");
  } else if (config.tabs.length > 0) {
    props.defaultTabs = config.tabs;
  }
  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(GraphiQL, props));
})();
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
