// The two JavaScript gateways a federated newsgraph is run behind, each served over HTTP on an
// ephemeral port, as a client would reach it: Apollo Gateway (inside Apollo Server) and Hive
// Gateway (its runtime, with the standard HTTP transport). Both forward the client's
// `Authorization` and `X-Newsgraph-Read-Primary` headers to the subgraphs, which is what a
// deployment does for newsgraph's tokens and read-your-writes (docs/federation.md shows the same
// for Apollo Router and Hive Gateway's CLI).
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { context as otelContext, propagation } from "@opentelemetry/api";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import httpTransport from "@graphql-mesh/transport-http";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export type GatewayName = "Apollo Gateway" | "Hive Gateway";

export function startGateway(name: GatewayName, supergraphSdl: string): Promise<RunningGateway> {
  return name === "Apollo Gateway" ? startApolloGateway(supergraphSdl) : startHiveGateway(supergraphSdl);
}

/** The client's headers newsgraph reads, by their lowercase names. */
const FORWARDED = ["authorization", "x-newsgraph-read-primary"] as const;

type ForwardedHeaders = Partial<Record<(typeof FORWARDED)[number], string>>;

function forwarded(get: (name: string) => string | null | undefined): ForwardedHeaders {
  const headers: ForwardedHeaders = {};
  for (const name of FORWARDED) {
    const value = get(name);
    if (value) headers[name] = value;
  }
  return headers;
}

async function startApolloGateway(supergraphSdl: string): Promise<RunningGateway> {
  const server = new ApolloServer<ForwardedHeaders>({
    gateway: new ApolloGateway({
      supergraphSdl,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<ForwardedHeaders>({
          url,
          willSendRequest({ request, context }) {
            for (const [name, value] of Object.entries(context)) request.http?.headers.set(name, value);
            // Apollo Gateway makes OpenTelemetry spans (gateway.request, gateway.fetch...) but
            // leaves propagation to HTTP instrumentation: the active span (this fetch's) goes out as
            // W3C trace headers, as @opentelemetry/instrumentation-http would send them. A no-op
            // unless the process registered a propagator (test/federation-tracing.test.ts does).
            if (request.http) propagation.inject(otelContext.active(), request.http.headers, { set: (headers, name, value) => headers.set(name, value) });
          },
        }),
    }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async ({ req }) => forwarded((name) => req.headers[name] as string | undefined),
  });
  // The standalone server answers on every path; /graphql is what clients are given.
  return { url: new URL("/graphql", url).href, stop: () => server.stop() };
}

async function startHiveGateway(supergraphSdl: string): Promise<RunningGateway> {
  const gateway = createGatewayRuntime({
    supergraph: supergraphSdl,
    // Given rather than imported by package name at run time: the dependency is then explicit.
    transports: { http: httpTransport },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => forwarded((name) => request.headers.get(name)),
    },
    logging: false,
  });
  const server = http.createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await gateway.dispose();
    },
  };
}
