// The HTTP server: Apollo Server 5 on express, GraphQL at /graphql.
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import fs from "node:fs";
import express from "express";
import { type Config, paths } from "../config";
import type { Database } from "../database/database";
import { withStatementScope } from "../database/statement-counter";
import { buildNewsgraphSchema } from "../schema/build-schema";
import { type Context, createContext } from "../schema/context";
import { maskErrors } from "./plugins/mask-errors";
import { playgroundRouter, tabsFromExamples } from "./playground/playground";
import { sqlStatementCountPlugin } from "./plugins/sql-statement-count";

export interface NewsgraphServer {
  httpServer: http.Server;
  /** Listens on the configured host and port; resolves with the actual port. */
  listen(): Promise<number>;
  stop(): Promise<void>;
}

export type ServerOptions = Pick<Config, "port" | "host" | "exposeSqlStatementCount" | "playgroundEnabled">;

export async function createServer(options: ServerOptions, database: Database): Promise<NewsgraphServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildNewsgraphSchema(),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's own landing page loads from a CDN; we serve Playground ourselves instead.
      ApolloServerPluginLandingPageDisabled(),
      ...(options.exposeSqlStatementCount ? [sqlStatementCountPlugin()] : []),
    ],
    includeStacktraceInErrorResponses: false,
    formatError: maskErrors((error) => console.error("unexpected error while resolving:", error)),
  });
  await apollo.start();

  if (options.playgroundEnabled) {
    const playground = playgroundRouter({
      endpoint: "/graphql",
      title: "newsgraph",
      tabs: tabsFromExamples(fs.readFileSync(paths.examples, "utf8")),
    });
    // Browsers asking for HTML get Playground; GraphQL GETs fall through to Apollo.
    app.use("/graphql", playground);
    app.use("/", playground);
  }

  app.use(
    "/graphql",
    // Each request gets its own SQL statement count (read by the plugin above and by metrics).
    (_req, _res, next) => withStatementScope({ statements: 0 }, next),
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async () => createContext(database.prisma) }),
  );

  return {
    httpServer,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(options.port, options.host, () => {
          httpServer.off("error", reject);
          resolve((httpServer.address() as { port: number }).port);
        });
      }),
    stop: () => apollo.stop(),
  };
}
