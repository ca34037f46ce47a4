// Everything but GraphQL POSTs, through express: health, metrics (here or on a listener of their
// own), Playground and GraphiQL (when enabled), GraphQL GETs, and JSON answers for the rest.
import fs from "node:fs";
import http from "node:http";
import express from "express";
import { type MetricsConfig, paths } from "../config";
import type { Database } from "../database/database";
import type { DatabaseAvailability } from "../observability/database-availability";
import type { Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import { graphiqlRouter } from "./graphiql/graphiql";
import { healthRouter } from "./health";
import { answerClientError } from "./limits/slow-clients";
import { metricsRouter } from "./metrics-route";
import { errorAsJson, notFound } from "./middleware/json-fallbacks";
import { playgroundRouter, tabsFromExamples } from "./playground/playground";

export interface RouteSetup {
  database: Database;
  availability: DatabaseAvailability;
  isStopping(): boolean;
  metrics: Metrics;
  metricsConfig?: MetricsConfig;
  playgroundEnabled: boolean;
  /** GraphQL over GET (POSTs do not come through express: graphql-http.ts). */
  serveGraphQL(req: http.IncomingMessage, res: http.ServerResponse): unknown;
  /** Node's HTTP server options (slow-client bounds), for the metrics listener too. */
  serverOptions: http.ServerOptions;
  logger: Logger;
}

export interface Routes {
  app: express.Express;
  /** The listener of /metrics when it has a port of its own. */
  metricsServer?: http.Server;
}

export function httpRoutes(setup: RouteSetup): Routes {
  const { logger } = setup;
  const app = express();
  app.disable("x-powered-by");
  // Express would hash every response body for a weak ETag; GraphQL GETs get theirs, strong and
  // only when cacheable, from http-cache.ts, and nothing else here is revalidated.
  app.set("etag", false);
  app.use(healthRouter({ database: setup.database, availability: setup.availability, isStopping: setup.isStopping }));

  const metricsRoute = metricsRouter(setup.metrics, { token: setup.metricsConfig?.token });
  let metricsServer: http.Server | undefined;
  if (setup.metricsConfig?.port === undefined) {
    app.use(metricsRoute);
  } else {
    // Metrics on a port of their own only (e.g. one the public load balancer does not route).
    const metricsApp = express().disable("x-powered-by").use(metricsRoute).use(notFound).use(errorAsJson(logger));
    metricsServer = http.createServer(setup.serverOptions, metricsApp);
    metricsServer.on("clientError", answerClientError);
  }

  if (setup.playgroundEnabled) {
    const tabs = tabsFromExamples(fs.readFileSync(paths.examples, "utf8"));
    const playground = playgroundRouter({ endpoint: "/graphql", title: "newsgraph", tabs });
    // Browsers asking for HTML get Playground; GraphQL GETs fall through to Apollo.
    app.use("/graphql", playground);
    app.use("/", playground);
    // GraphiQL too, for subscriptions (graphql-ws), which Playground cannot speak.
    app.use("/graphiql", graphiqlRouter({ endpoint: "/graphql", title: "newsgraph · GraphiQL", tabs }));
  }

  // GraphQL GETs (Playground took the browsers' page requests above).
  app.use("/graphql", setup.serveGraphQL);
  app.use(notFound, errorAsJson(logger));
  return { app, metricsServer };
}
