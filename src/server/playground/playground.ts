/**
 * GraphQL Playground served entirely from this server (no CDN, no Google Fonts), so it works
 * offline and behind firewalls.
 *
 * Asset paths: the page links its JS/CSS/favicon under `<mount>/playground-assets/…`, where
 * `<mount>` is `req.baseUrl` at request time. The URLs are absolute, so the page works whether the
 * router is mounted at `/` or `/graphql`, with or without a trailing slash (relative URLs would
 * break on `/graphql` vs `/graphql/`). The package version is part of the asset URL, so the assets
 * can be cached as immutable: an upgrade changes the URL.
 */
import { join } from "node:path";
import { paths } from "../../config";
import express, { type Request, type Response, type NextFunction, type Router } from "express";
import { renderPlaygroundPage, type RenderPageOptions } from "@apollographql/graphql-playground-html";
import { pageSecurityHeaders } from "./page-security";
import { Kind, parse, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { fragmentsOf } from "../document-fragments";

/** One preloaded Playground tab. */
export interface PlaygroundTab {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** Options for {@link playgroundRouter}. */
export interface PlaygroundOptions {
  /** GraphQL endpoint the Playground talks to, e.g. `/graphql` (same origin) or a full URL. */
  endpoint: string;
  /** Page title; defaults to "GraphQL Playground". */
  title?: string;
  /** Tabs opened on load, in order. */
  tabs: PlaygroundTab[];
}

/** The built Playground vendored in ./assets (its README says why and how to upgrade). */
const REACT_PACKAGE = "@apollographql/graphql-playground-react";
const ASSETS_SEGMENT = "/playground-assets";
const PLAYGROUND_VERSION = "1.7.42";
const buildDir = join(paths.root, "src", "server", "playground", "assets");
/** The path the HTML renderer appends to `cdnUrl` (`<cdnUrl>/<package>@<version>/build/...`). */
const buildUrlPath = `/${REACT_PACKAGE}@${PLAYGROUND_VERSION}/build`;

/** Versioned URLs never change content, so browsers may keep them for a year without revalidating. */
const immutableAssets = { maxAge: "365d", immutable: true } as const;

/**
 * Express router serving the Playground page at GET `/` (mount it where you like) and its static
 * assets under `/playground-assets/` relative to the mount point.
 *
 * The page is only sent to clients that prefer HTML (browsers); other GETs fall through with
 * `next()`, so the router can sit in front of Apollo's middleware on `/graphql` without hiding
 * GraphQL-over-HTTP GET requests.
 */
export function playgroundRouter(options: PlaygroundOptions): Router {
  const router = express.Router();
  // Each mount point gets its own asset URLs; cache the rendered page per mount point.
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();

  router.get("/", (req: Request, res: Response, next: NextFunction) => {
    if (!prefersHtml(req)) return next();
    let page = pages.get(req.baseUrl);
    if (page === undefined) {
      const html = renderPage(options, req.baseUrl + ASSETS_SEGMENT);
      page = { html, headers: pageSecurityHeaders(html) };
      pages.set(req.baseUrl, page);
    }
    // The page embeds the current configuration: let browsers revalidate it each time.
    res.set(page.headers).set("Cache-Control", "no-cache").type("html").send(page.html);
  });

  const assets = express.Router();
  // The renderer links only the favicon, index.css and middleware.js; serve build/static whole
  // so source maps resolve in dev tools, but not the package's demo files beside it.
  assets.use("/static", express.static(join(buildDir, "static"), { ...immutableAssets, index: false, fallthrough: false }));
  assets.get("/favicon.png", (_req, res, next) => {
    // `root` keeps send's dotfile check off the parent path (the project may live under a dot dir).
    res.sendFile("favicon.png", { ...immutableAssets, root: buildDir }, (err) => err && next(err));
  });
  router.use(ASSETS_SEGMENT + buildUrlPath, assets);
  return router;
}

/** Same negotiation as Apollo Server's landing page: HTML only if preferred over the JSON types. */
function prefersHtml(req: Request): boolean {
  const preferred = req.accepts(["application/json", "application/graphql-response+json", "multipart/mixed", "text/html"]);
  return preferred === "text/html";
}

function renderPage(options: PlaygroundOptions, assetsUrl: string): string {
  const pageOptions: RenderPageOptions = {
    endpoint: options.endpoint,
    title: options.title,
    cdnUrl: assetsUrl,
    version: PLAYGROUND_VERSION,
    settings: {
      // No periodic re-introspection, and keep Apollo tracing/query-plan noise out of results.
      "schema.polling.enable": false,
      "tracing.hideTracingResponse": true,
      "queryPlan.hideQueryPlanResponse": true,
      // Don't fetch "beta" builds (would go outside our server).
      "general.betaUpdates": false,
      "editor.reuseHeaders": true,
    },
    tabs: options.tabs.map((tab) => ({
      endpoint: options.endpoint,
      name: tab.name,
      query: tab.query,
      // Playground wants the variables editor's text, not an object.
      variables: tab.variables === undefined ? undefined : JSON.stringify(tab.variables, null, 2),
    })),
  };
  // The renderer hard-codes a Google Fonts stylesheet; drop it (the page falls back to the
  // system sans-serif / monospace fonts) so the page makes no request outside our server.
  return renderPlaygroundPage(pageOptions).replace(/<link[^>]*fonts\.googleapis\.com[^>]*>\s*/g, "");
}

/**
 * Parses a .graphql file of example operations into tabs: one tab per named operation; the tab
 * name comes from a `# Tab: <name>` comment line directly above the operation, else the operation
 * name; an optional `# Variables: {json}` comment line above the operation gives its variables.
 *
 * "Directly above" means within the block of `#` lines immediately preceding the operation (no
 * blank line between). Anonymous operations are skipped. Fragments an operation uses (also
 * transitively) are appended to its query so each tab runs on its own. Throws on a GraphQL syntax
 * error or invalid `# Variables:` JSON.
 */
export function tabsFromExamples(source: string): PlaygroundTab[] {
  const document = parse(source);
  const fragments = fragmentsOf(document);
  const lines = source.split(/\r\n|\r|\n/);

  const tabs: PlaygroundTab[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
    const operationName = definition.name.value;
    const startLine = definition.loc!.startToken.line - 1; // token lines are 1-based
    const comments = commentBlockAbove(lines, startLine);

    const tab: PlaygroundTab = { name: operationName, query: queryText(source, definition, fragments) };
    for (const comment of comments) {
      const tabName = /^Tab:\s*(.+?)\s*$/.exec(comment);
      if (tabName) tab.name = tabName[1];
      const variables = /^Variables:\s*(.+?)\s*$/.exec(comment);
      if (variables) tab.variables = parseVariables(variables[1], operationName);
    }
    tabs.push(tab);
  }
  return tabs;
}

/** Text of the `#` comment lines (without `#`) right above line `index`, top to bottom. */
function commentBlockAbove(lines: string[], index: number): string[] {
  const comments: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!line.startsWith("#")) break;
    comments.unshift(line.slice(1).trim());
  }
  return comments;
}

function parseVariables(json: string, operationName: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`Invalid "# Variables:" JSON above operation ${operationName}: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`"# Variables:" above operation ${operationName} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** The operation's source text followed by the fragments it needs, in file order. */
function queryText(source: string, operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string {
  const needed = new Set<string>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (needed.has(name) || !fragment) return; // unknown fragments are left for validation to report
        needed.add(name);
        collect(fragment);
      },
    });
  collect(operation);

  const slice = (node: DefinitionNode) => source.slice(node.loc!.start, node.loc!.end);
  const parts = [slice(operation)];
  for (const [name, fragment] of fragments) if (needed.has(name)) parts.push(slice(fragment));
  return parts.join("\n\n");
}
