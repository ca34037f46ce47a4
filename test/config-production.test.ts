// The configuration of what a production server gives away and how long it waits for clients:
// NODE_ENV=production turns introspection and Playground off unless their variables say
// otherwise; the federation secret, HTTP timeouts and metrics protection come from their
// variables, validated, with one line naming the variable when a value is invalid.
import { ConfigError, HTTP_TIMEOUT_DEFAULTS, loadConfig } from "../src/config";

const SECRET = "s".repeat(32);

test("outside production, introspection and Playground are on; under NODE_ENV=production, off", () => {
  for (const env of [{}, { NODE_ENV: "development" }, { NODE_ENV: "test" }, { NODE_ENV: "" }]) {
    expect(loadConfig(env)).toMatchObject({ introspectionEnabled: true, playgroundEnabled: true });
  }
  expect(loadConfig({ NODE_ENV: "production" })).toMatchObject({ introspectionEnabled: false, playgroundEnabled: false });
});

test("their variables win over NODE_ENV either way", () => {
  expect(loadConfig({ NODE_ENV: "production", INTROSPECTION_ENABLED: "true", PLAYGROUND_ENABLED: "1" })).toMatchObject({
    introspectionEnabled: true,
    playgroundEnabled: true,
  });
  expect(loadConfig({ INTROSPECTION_ENABLED: "false", PLAYGROUND_ENABLED: "0" })).toMatchObject({
    introspectionEnabled: false,
    playgroundEnabled: false,
  });
});

test("defaults: no router secret, short HTTP timeouts, metrics open on the main port", () => {
  const config = loadConfig({});
  expect(HTTP_TIMEOUT_DEFAULTS).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 });
  expect(config.httpTimeouts).toEqual(HTTP_TIMEOUT_DEFAULTS);
  expect(config.federationSdlSecret).toBeUndefined();
  expect(config.metrics).toEqual({ token: undefined, port: undefined, host: undefined });
});

test("each comes from its variable", () => {
  const config = loadConfig({
    HOST: "10.0.0.5",
    FEDERATION_SDL_SECRET: SECRET,
    HTTP_HEADERS_TIMEOUT_MS: "2000",
    HTTP_REQUEST_TIMEOUT_MS: "2000",
    HTTP_KEEP_ALIVE_TIMEOUT_MS: "65000",
    METRICS_TOKEN: "t".repeat(40),
    METRICS_PORT: "9464",
  });
  expect(config).toMatchObject({
    federationSdlSecret: SECRET,
    httpTimeouts: { headersTimeoutMs: 2_000, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 65_000 },
    // The metrics port listens where the main port does unless METRICS_HOST says otherwise.
    metrics: { token: "t".repeat(40), port: 9464, host: "10.0.0.5" },
  });
  expect(loadConfig({ METRICS_PORT: "9464", METRICS_HOST: "127.0.0.1" }).metrics).toEqual({ token: undefined, port: 9464, host: "127.0.0.1" });
});

test.each([
  [{ NODE_ENV: "production", INTROSPECTION_ENABLED: "on" }, "INTROSPECTION_ENABLED", "expected one of"],
  [{ NODE_ENV: "production", PLAYGROUND_ENABLED: "yes" }, "PLAYGROUND_ENABLED", "expected one of"],
  [{ FEDERATION_SDL_SECRET: "short" }, "FEDERATION_SDL_SECRET", "must be at least 32 characters"],
  [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN", "must be at least 32 characters"],
  [{ METRICS_PORT: "65536" }, "METRICS_PORT", ""],
  [{ METRICS_PORT: "metrics" }, "METRICS_PORT", ""],
  [{ METRICS_HOST: "127.0.0.1" }, "METRICS_HOST", "needs METRICS_PORT (it is the interface of the metrics port)"],
  [{ HTTP_HEADERS_TIMEOUT_MS: "0" }, "HTTP_HEADERS_TIMEOUT_MS", ""],
  [{ HTTP_REQUEST_TIMEOUT_MS: "soon" }, "HTTP_REQUEST_TIMEOUT_MS", ""],
  [{ HTTP_KEEP_ALIVE_TIMEOUT_MS: "-5" }, "HTTP_KEEP_ALIVE_TIMEOUT_MS", ""],
  [{ HTTP_HEADERS_TIMEOUT_MS: "40000" }, "HTTP_HEADERS_TIMEOUT_MS", "must not be longer than HTTP_REQUEST_TIMEOUT_MS"],
])("%j is rejected, naming %s", (env, variable, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(new RegExp(`^invalid configuration: ${variable} [^\\n]*${message.replace(/[()]/g, "\\$&")}`));
});
