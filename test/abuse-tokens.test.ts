// Bearer tokens of every odd shape: only a token that expires, says when it was issued, is valid
// for a bounded time and names a proper subject may write. Everything else is UNAUTHENTICATED
// (HTTP 401), whole responses compared, and nothing is written.
import { type JWTPayload, SignJWT } from "jose";
import { ConfigError, loadConfig } from "../src/config";
import { snapshotTables } from "./support/database-snapshot";
import { startProductionServer } from "./support/production-server";
import { startTestServer, type TestServer } from "./support/test-server";
import { TEST_JWT_SECRET } from "./support/tokens";

let server: TestServer;
beforeAll(async () => {
  // Production mode; statement counts shown, as the assertions read them.
  server = await startProductionServer({ EXPOSE_SQL_STATEMENT_COUNT: "true", AUTH_JWT_SECRET: TEST_JWT_SECRET });
});
afterAll(() => server?.stop());

const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

/** A token signed with the test secret whose claims are exactly `claims` (no defaults added). */
const sign = (claims: JWTPayload) =>
  new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(TEST_JWT_SECRET));

const editorClaims = (overrides: Record<string, unknown> = {}): JWTPayload => ({
  sub: "alice@newsroom.example",
  roles: ["editor"],
  iat: now() - 60,
  exp: now() + 600,
  ...overrides,
});

const CREATE_COUNTRY = `mutation ($input: CountryInput!) { createCountry(input: $input) { code createdBy } }`;

const refused = (message: string) => ({
  status: 200,
  body: { errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] },
});

const INVALID = "The token is not valid.";
const BAD_SUBJECT = "The token's `sub` is not a valid subject.";

describe("tokens that are refused", () => {
  test.each([
    ["no exp (it would never expire)", () => editorClaims({ exp: undefined }), "The token has no `exp` claim."],
    ["no iat", () => editorClaims({ iat: undefined }), "The token has no `iat` claim."],
    ["no sub", () => editorClaims({ sub: undefined }), "The token has no `sub` claim."],
    ["valid for 100 years", () => editorClaims({ iat: now(), exp: now() + 100 * 365 * 24 * HOUR }), "The token is valid for longer than 86400 s (from `iat` to `exp`)."],
    ["valid for a second more than 24 h", () => editorClaims({ iat: now() - 60, exp: now() - 60 + 24 * HOUR + 1 }), "The token is valid for longer than 86400 s (from `iat` to `exp`)."],
    ["issued 25 h ago, expiring in an hour", () => editorClaims({ iat: now() - 25 * HOUR, exp: now() + HOUR }), "The token has expired."],
    ["issued in the future", () => editorClaims({ iat: now() + 600, exp: now() + 1200 }), INVALID],
    ["a string exp", () => editorClaims({ exp: String(now() + 600) }), INVALID],
    ["a string iat", () => editorClaims({ iat: String(now() - 60) }), INVALID],
    ["expired beyond the clock tolerance", () => editorClaims({ iat: now() - 600, exp: now() - 45 }), "The token has expired."],
    ["a numeric sub", () => editorClaims({ sub: 42 as unknown as string }), BAD_SUBJECT],
    ["an object sub", () => editorClaims({ sub: { id: "alice" } as unknown as string }), BAD_SUBJECT],
    ["an array sub", () => editorClaims({ sub: ["alice"] as unknown as string }), BAD_SUBJECT],
    ["an empty sub", () => editorClaims({ sub: "" }), BAD_SUBJECT],
    ["a blank sub", () => editorClaims({ sub: "   " }), BAD_SUBJECT],
    ["a sub of 201 characters", () => editorClaims({ sub: "a".repeat(201) }), BAD_SUBJECT],
    ["a sub with a NUL", () => editorClaims({ sub: "alice\u0000admin" }), BAD_SUBJECT],
    ["a sub with a newline", () => editorClaims({ sub: "alice\nlevel=admin" }), BAD_SUBJECT],
    ["a sub with a Unicode line separator", () => editorClaims({ sub: "alice\u2028admin" }), BAD_SUBJECT],
    ["a sub with a lone surrogate", () => editorClaims({ sub: "alice\ud800" }), BAD_SUBJECT],
  ])("%s: UNAUTHENTICATED, nothing written", async (_case, claims, message) => {
    const before = await snapshotTables(server.database);
    const token = await sign(claims());
    const response = await server.graphql(CREATE_COUNTRY, { input: { code: "SY", name: "Syria" } }, { authorization: `Bearer ${token}` });
    expect(response).toEqual(refused(message));
    expect(await snapshotTables(server.database)).toEqual(before);
  });

  test("a bad token on a read is refused the same way", async () => {
    const token = await sign(editorClaims({ sub: 42 as unknown as string }));
    expect(await server.graphql(`{ countryByCode(code: "LB") { name } }`, undefined, { authorization: `Bearer ${token}` })).toEqual(
      refused(BAD_SUBJECT),
    );
  });
});

describe("tokens that are accepted", () => {
  test.each([
    ["expired 10 s ago, within the 30 s clock tolerance", "SY", () => editorClaims({ iat: now() - 600, exp: now() - 10 })],
    ["valid for exactly 24 h", "IQ", () => editorClaims({ iat: now() - 60, exp: now() - 60 + 24 * HOUR })],
    ["issued 10 s in the future (within tolerance)", "JO", () => editorClaims({ iat: now() + 10, exp: now() + 600 })],
    ["a sub of 200 characters", "EG", () => editorClaims({ sub: "a".repeat(200) })],
    ["a sub with accents and an emoji", "TR", () => editorClaims({ sub: "Zoë Ağaoğlu 📰" })],
  ])("%s", async (_case, code, claims) => {
    const token = await sign(claims());
    const { sub } = claims();
    expect(await server.graphql(CREATE_COUNTRY, { input: { code, name: `Country ${code}` } }, { authorization: `Bearer ${token}` })).toEqual({
      status: 200,
      body: { data: { createCountry: { code, createdBy: sub } }, extensions: { sqlStatements: expect.any(Number) } },
    });
  });
});

describe("configuration of the token rules", () => {
  test("defaults: 24 h lifetime, 30 s tolerance", () => {
    expect(loadConfig({}).auth).toMatchObject({ maxLifetimeS: 86_400, clockToleranceS: 30 });
  });

  test("set from AUTH_JWT_MAX_LIFETIME_S and AUTH_JWT_CLOCK_TOLERANCE_S", () => {
    expect(loadConfig({ AUTH_JWT_MAX_LIFETIME_S: "3600", AUTH_JWT_CLOCK_TOLERANCE_S: "0" }).auth).toMatchObject({
      maxLifetimeS: 3_600,
      clockToleranceS: 0,
    });
  });

  test.each([
    [{ AUTH_JWT_MAX_LIFETIME_S: "forever" }, "AUTH_JWT_MAX_LIFETIME_S"],
    [{ AUTH_JWT_MAX_LIFETIME_S: "0" }, "AUTH_JWT_MAX_LIFETIME_S"],
    [{ AUTH_JWT_MAX_LIFETIME_S: String(100 * 365 * 24 * HOUR) }, "AUTH_JWT_MAX_LIFETIME_S"],
    [{ AUTH_JWT_CLOCK_TOLERANCE_S: "-1" }, "AUTH_JWT_CLOCK_TOLERANCE_S"],
    [{ AUTH_JWT_CLOCK_TOLERANCE_S: "3600" }, "AUTH_JWT_CLOCK_TOLERANCE_S"],
  ])("%j is rejected, naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^invalid configuration: ${variable} `));
  });

  test("a shorter lifetime configured on the server is enforced", async () => {
    const strict = await startTestServer({
      seed: false,
      server: { auth: { jwtSecret: TEST_JWT_SECRET, requireTokenForReads: false, maxLifetimeS: 300, clockToleranceS: 0 } },
    });
    try {
      const token = await sign(editorClaims({ iat: now() - 60, exp: now() + 600 }));
      expect(await strict.graphql(CREATE_COUNTRY, { input: { code: "SY", name: "Syria" } }, { authorization: `Bearer ${token}` })).toEqual(
        refused("The token is valid for longer than 300 s (from `iat` to `exp`)."),
      );
      const expired = await sign(editorClaims({ iat: now() - 120, exp: now() - 5 }));
      expect(await strict.graphql(CREATE_COUNTRY, { input: { code: "SY", name: "Syria" } }, { authorization: `Bearer ${expired}` })).toEqual(
        refused("The token has expired."),
      );
    } finally {
      await strict.stop();
    }
  });
});
