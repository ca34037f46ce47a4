// A test server configured as `loadConfig` configures a production one (NODE_ENV=production and
// the given variables), so tests see the real production defaults; only the address, the
// database and the log level are the tests'.
import { loadConfig } from "../../src/config";
import { startTestServer, type TestServer } from "./test-server";

export function startProductionServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: "production", ...env });
  return startTestServer({
    server: {
      exposeSqlStatementCount: config.exposeSqlStatementCount,
      playgroundEnabled: config.playgroundEnabled,
      introspectionEnabled: config.introspectionEnabled,
      federationSdlSecret: config.federationSdlSecret,
      httpTimeouts: config.httpTimeouts,
      metrics: config.metrics,
      limits: config.limits,
      auth: config.auth,
    },
  });
}
