// Trusted documents (TRUSTED_DOCUMENTS_ONLY=true): `npm run trust` loads an Apollo persisted-query
// manifest into Redis, and two servers sharing that Redis then execute those documents (by hash,
// GET or POST, or by full text) and nothing else: an unlisted hash or text is refused before
// parsing, automatic persisted queries register nothing, and while Redis is away the documents a
// server has cached still run and the others are refused with 503. Server B reaches Redis through
// a TCP proxy that the test cuts. Like test/persisted-queries-redis.test.ts, the Redis tests are
// skipped without a Redis (NEWSGRAPH_TEST_REDIS_URL, default redis://127.0.0.1:6379) unless
// NEWSGRAPH_REQUIRE_REDIS=1. The CLI runs from the build (npm test builds it first).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { ConfigError, loadConfig } from "../src/config";
import { createLogger } from "../src/observability/logger";
import { createServer } from "../src/server/app";
import { redisTrustedDocuments, trustedDocumentKey } from "../src/server/trusted-documents";
import { runEntry, runEntryWithArgs } from "./support/cli";
import { startServerProcess } from "./support/server-process";
import { createTestDatabase } from "./support/test-database";
import { REDIS_URL, redisSkipReason } from "./support/redis";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { subscriptionClient, waitForSubscriptions } from "./support/subscriptions";
import { startTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

const skipReason = redisSkipReason();
if (skipReason) console.warn(`trusted-documents skipped: ${skipReason}`);

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

interface Answer {
  status: number;
  body: unknown;
}

async function post(server: { url: string }, body: unknown, accept = "application/json"): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function get(server: { url: string }, params: Record<string, unknown>): Promise<Answer> {
  const search = new URLSearchParams(
    Object.entries(params).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  );
  const response = await fetch(`${server.url}/graphql?${search}`, {
    headers: { accept: "application/json", "apollo-require-preflight": "true" },
  });
  return { status: response.status, body: await response.json() };
}

const typename = (): Answer => ({ status: 200, body: { data: { __typename: "Query" }, extensions: { sqlStatements: 0 } } });

const refused = (code: string, message: string, status = 200): Answer => ({
  status,
  body: { errors: [{ message, extensions: { code } }] },
});
const notInList = (hash: string, status = 200) =>
  refused("PERSISTED_QUERY_NOT_IN_LIST", `Persisted query '${hash}' is not in this server's list of trusted documents.`, status);
const notInSafelist = (status = 200) =>
  refused("QUERY_NOT_IN_SAFELIST", "The operation is not in this server's list of trusted documents; this server executes only those.", status);
const registrationRefused = refused(
  "QUERY_NOT_IN_SAFELIST",
  "The operation is not in this server's list of trusted documents; this server executes only those, and does not register new ones (automatic persisted queries are off).",
);
const unavailable = refused("SERVICE_UNAVAILABLE", "The list of trusted documents cannot be read at the moment; try again later.", 503);

// The documents of the client's manifest, as @apollo/generate-persisted-query-manifest writes them.
const LISTED = "query ListedByManifest {\n  __typename\n}";
const ALSO_LISTED = "query AlsoListed {\n  typename: __typename\n}";
const manifest = {
  format: "apollo-persisted-query-manifest",
  version: 1,
  operations: [
    { id: sha256(LISTED), name: "ListedByManifest", type: "query", body: LISTED },
    { id: sha256(ALSO_LISTED), name: "AlsoListed", type: "query", body: ALSO_LISTED },
  ],
};

(skipReason ? describe.skip : describe)("trusted documents in Redis, shared by two servers", () => {
  // Each run its own namespace, so parallel runs on one Redis do not see each other's documents.
  const keyPrefix = `newsgraph-test:${randomUUID()}:`;
  const cliEnv = { REDIS_URL, APQ_KEY_PREFIX: keyPrefix };
  let redis: Redis;
  let proxy: TcpProxy;
  let serverA: TestServer;
  let serverB: TestServer;
  let dir: string;
  let manifestFile: string;

  const keys = async () => (await redis.keys(`${keyPrefix}*`)).sort();
  const trust = (...args: string[]) => runEntryWithArgs("cli/trust", args, cliEnv);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-trust-"));
    manifestFile = path.join(dir, "persisted-query-manifest.json");
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    redis = new Redis(REDIS_URL, { lazyConnect: true });
    await redis.connect();
    const { hostname, port } = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: hostname, port: Number(port) || 6379 });
    serverA = await startTestServer({ server: { trustedDocumentsOnly: true, persistedQueries: { redisUrl: REDIS_URL, keyPrefix } } });
    serverB = await startTestServer({
      server: { trustedDocumentsOnly: true, persistedQueries: { redisUrl: proxy.proxiedUrl(REDIS_URL), keyPrefix } },
    });
  });

  afterAll(async () => {
    await serverA?.stop();
    await serverB?.stop();
    await proxy?.close();
    if (redis) {
      const found = await redis.keys(`${keyPrefix}*`);
      if (found.length) await redis.del(...found);
      await redis.quit();
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a bad manifest is refused by the CLI with one line per error, exit 1, and nothing written", async () => {
    const bad = path.join(dir, "bad-manifest.json");
    fs.writeFileSync(
      bad,
      JSON.stringify({
        ...manifest,
        operations: [
          manifest.operations[0],
          { id: "0".repeat(64), name: "WrongId", type: "query", body: "query WrongId { __typename }" },
          { id: sha256("query Broken {"), name: "Broken", type: "query", body: "query Broken {" },
          { id: sha256(""), name: "Empty", type: "query", body: "" },
        ],
      }),
    );
    expect(await trust(bad)).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        `trust: ${bad}: operations[1] (WrongId): "id" ${"0".repeat(64)} is not the SHA-256 of its body (${sha256("query WrongId { __typename }")}); only SHA-256 ids are accepted (the default of @apollo/generate-persisted-query-manifest)`,
        `trust: ${bad}: operations[2] (Broken): not a GraphQL document: Syntax Error: Expected Name, found <EOF>.`,
        `trust: ${bad}: operations[3] (Empty): "body" must be a non-empty string`,
        "trust: nothing was written",
        "",
      ].join("\n"),
    });

    const notJson = path.join(dir, "not-json.json");
    fs.writeFileSync(notJson, "{ operations: [");
    const notManifest = path.join(dir, "not-manifest.json");
    fs.writeFileSync(notManifest, JSON.stringify({ operations: [] }));
    const result = await trust(manifestFile, notJson, notManifest, path.join(dir, "missing.graphql"));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^trust: ${notJson} is not valid JSON: `)),
      `trust: ${notManifest} is not an Apollo persisted-query manifest: expected { "format": "apollo-persisted-query-manifest", "version": 1, "operations": [...] }`,
      `trust: cannot read ${path.join(dir, "missing.graphql")}: ENOENT`,
      "trust: nothing was written",
      "",
    ]);
    expect(await trust()).toEqual({
      code: 1,
      stdout: "",
      stderr: "trust: usage: npm run trust -- <manifest.json | file.graphql>... | --list | --remove <sha256>...\n",
    });
    expect(await runEntryWithArgs("cli/trust", [manifestFile], {})).toEqual({
      code: 1,
      stdout: "",
      stderr: "trust: REDIS_URL is not set: the trusted documents are kept in Redis\n",
    });
    // The good operation of the first manifest was not written either.
    expect(await keys()).toEqual([]);
  });

  test("the CLI loads a manifest, and both servers then run its documents by hash (GET and POST) and by full text", async () => {
    // Before: unknown to both, and a refusal is not remembered.
    expect(await post(serverB, { extensions: persisted(sha256(LISTED)) })).toEqual(notInList(sha256(LISTED)));

    expect(await trust(manifestFile)).toEqual({
      code: 0,
      stdout: `trusted 2 documents from ${manifestFile}: 2 new, 0 already listed\n`,
      stderr: "",
    });
    expect(await keys()).toEqual([`${keyPrefix}trusted:${sha256(ALSO_LISTED)}`, `${keyPrefix}trusted:${sha256(LISTED)}`].sort());
    expect(await redis.get(`${keyPrefix}trusted:${sha256(LISTED)}`)).toBe(LISTED);
    expect(await redis.ttl(`${keyPrefix}trusted:${sha256(LISTED)}`)).toBe(-1); // no expiry
    // Loading it again changes nothing.
    expect(await trust(manifestFile)).toEqual({
      code: 0,
      stdout: `trusted 2 documents from ${manifestFile}: 0 new, 2 already listed\n`,
      stderr: "",
    });

    for (const server of [serverA, serverB]) {
      expect(await post(server, { extensions: persisted(sha256(LISTED)) })).toEqual(typename());
      expect(await get(server, { extensions: persisted(sha256(LISTED)) })).toEqual(typename());
      expect(await post(server, { query: LISTED })).toEqual(typename());
      expect(await get(server, { query: LISTED })).toEqual(typename());
      // With its hash too (what an APQ client sends after PERSISTED_QUERY_NOT_FOUND): the same document.
      expect(await post(server, { query: LISTED, extensions: persisted(sha256(LISTED)) })).toEqual(typename());
      // Other extensions and variables go through.
      expect(
        await post(server, { query: ALSO_LISTED, variables: {}, operationName: "AlsoListed", extensions: { ...persisted(sha256(ALSO_LISTED)), other: 1 } }),
      ).toEqual({ status: 200, body: { data: { typename: "Query" }, extensions: { sqlStatements: 0 } } });
    }
  });

  test("subscriptions follow the list: a listed one by hash subscribes, an unlisted one is refused", async () => {
    const listed = "subscription Recorded { articleRecorded { articleSlug } }";
    const file = path.join(dir, "recorded.graphql");
    fs.writeFileSync(file, listed);
    expect((await trust(file)).code).toBe(0);
    const client = subscriptionClient(serverA.url);
    try {
      const byHash = client.subscribeWith({ query: "", extensions: persisted(sha256(listed)) });
      await waitForSubscriptions(serverA.url, 1);
      const unlisted = client.subscribe("subscription { articleRecorded { articleSlug via } }");
      expect(await unlisted.ended).toEqual({
        error: [
          {
            message: expect.stringContaining("not in this server's list of trusted documents"),
            extensions: { code: "QUERY_NOT_IN_SAFELIST" },
          },
        ],
      });
      expect(byHash.pending).toEqual([]);
    } finally {
      await client.dispose();
      // The list as the later tests expect it.
      expect((await trust("--remove", sha256(listed))).code).toBe(0);
    }
  });

  test("a server process configured by TRUSTED_DOCUMENTS_ONLY=true serves the list too, and refuses the rest", async () => {
    const database = await createTestDatabase(path.join(dir, "pglite"));
    const replica = await startServerProcess({ ...database.env, ...cliEnv, TRUSTED_DOCUMENTS_ONLY: "true" });
    // A new process's first Redis commands can outlast their 300 ms bound on a busy machine (CI
    // runs two jest workers on two cores): it then answers 503, "try again later", and the test
    // does as a client would. Any other answer is the one checked.
    const answer = (body: Record<string, unknown>) =>
      waitFor(async () => {
        const response = await post(replica, body);
        return response.status === 503 ? false : response;
      }, "an answer other than 503");
    try {
      expect(await answer({ extensions: persisted(sha256(ALSO_LISTED)) })).toEqual({
        status: 200,
        body: { data: { typename: "Query" } },
      });
      const query = "query NotListedOnTheProcess { __typename }";
      expect(await answer({ query, extensions: persisted(sha256(query)) })).toEqual(registrationRefused);
    } finally {
      await replica.kill();
      await database.drop();
    }
  });

  test("an unlisted hash is refused, by POST and by GET, 400 for clients of application/graphql-response+json", async () => {
    const unknown = sha256(`never listed ${randomUUID()}`);
    for (const server of [serverA, serverB]) {
      expect(await post(server, { extensions: persisted(unknown) })).toEqual(notInList(unknown));
      expect(await get(server, { extensions: persisted(unknown) })).toEqual(notInList(unknown));
      expect(await post(server, { extensions: persisted(unknown) }, "application/graphql-response+json")).toEqual(notInList(unknown, 400));
    }
  });

  test("an unlisted full query is refused before it runs, and is not registered", async () => {
    const query = `query NotListed${randomUUID().replaceAll("-", "")} { __typename }`;
    const before = await keys();
    expect(await post(serverA, { query })).toEqual(notInSafelist());
    expect(await get(serverA, { query })).toEqual(notInSafelist());
    expect(await post(serverA, { query }, "application/graphql-response+json")).toEqual(notInSafelist(400));
    // Introspection follows the same rule.
    expect(await post(serverA, { query: "{ __schema { queryType { name } } }" })).toEqual(notInSafelist());
    // A mutation that would fail anyway is refused before it is even parsed.
    expect(await post(serverA, { query: "mutation { this is not graphql" })).toEqual(notInSafelist());
    expect(await post(serverB, { extensions: persisted(sha256(query)) })).toEqual(notInList(sha256(query)));
    expect(await keys()).toEqual(before);
  });

  test("automatic persisted queries cannot register a document", async () => {
    const query = `query TriesToRegister${randomUUID().replaceAll("-", "")} { __typename }`;
    const before = await keys();
    expect(await post(serverA, { query, extensions: persisted(sha256(query)) })).toEqual(registrationRefused);
    expect(await post(serverA, { extensions: persisted(sha256(query)) })).toEqual(notInList(sha256(query)));
    expect(await post(serverB, { extensions: persisted(sha256(query)) })).toEqual(notInList(sha256(query)));
    // A listed hash sent with another text is refused, not run as either.
    expect(await post(serverA, { query, extensions: persisted(sha256(LISTED)) })).toEqual(
      refused("BAD_REQUEST", "provided sha does not match query", 400),
    );
    expect(await keys()).toEqual(before);
    expect(await redis.exists(`${keyPrefix}apq:${sha256(query)}`)).toBe(0);
  });

  // BAD_REQUEST keeps its 400 whatever the media type: the request is not well-formed (response-status.ts).
  test("requests that carry no checkable document are refused", async () => {
    expect(await post(serverA, [{ extensions: persisted(sha256(LISTED)) }])).toEqual(
      refused("BAD_REQUEST", "The request body must be one JSON object (batched requests are not accepted).", 400),
    );
    expect(await post(serverA, {})).toEqual(
      refused("BAD_REQUEST", "GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.", 400),
    );
    expect(await get(serverA, { extensions: "{not json" })).toEqual(
      refused("BAD_REQUEST", "The `extensions` search parameter must be a JSON object.", 400),
    );
  });

  test("refusals are counted by code in /metrics", async () => {
    const metrics = await (await fetch(`${serverA.url}/metrics`)).text();
    const counted = (code: string) => Number(new RegExp(`^newsgraph_trusted_document_refusals_total\\{code="${code}"\\} (\\d+)$`, "m").exec(metrics)?.[1] ?? 0);
    expect(counted("PERSISTED_QUERY_NOT_IN_LIST")).toBeGreaterThan(0);
    expect(counted("QUERY_NOT_IN_SAFELIST")).toBeGreaterThan(0);
  });

  test("while Redis is away, documents a server has cached still run and every other one is refused with 503", async () => {
    // B has served LISTED (above); ListedLate is listed now, and B has never read it.
    const listedLate = "query ListedLate { __typename }";
    const file = path.join(dir, "listed-late.graphql");
    fs.writeFileSync(file, listedLate);
    expect(await trust(file)).toEqual({ code: 0, stdout: `trusted 1 documents from ${file}: 1 new, 0 already listed\n`, stderr: "" });

    await proxy.cut();
    expect(await post(serverB, { extensions: persisted(sha256(LISTED)) })).toEqual(typename());
    expect(await get(serverB, { extensions: persisted(sha256(LISTED)) })).toEqual(typename());
    expect(await post(serverB, { query: LISTED })).toEqual(typename());
    // Listed, but not in B's cache: B cannot tell, so it is refused (fail closed) with 503.
    expect(await post(serverB, { extensions: persisted(sha256(listedLate)) })).toEqual(unavailable);
    const unknown = sha256(`never listed ${randomUUID()}`);
    expect(await post(serverB, { extensions: persisted(unknown) })).toEqual(unavailable);
    expect(await post(serverB, { query: "{ __typename }" })).toEqual(unavailable);
    // A's Redis is fine.
    expect(await post(serverA, { extensions: persisted(sha256(listedLate)) })).toEqual(typename());

    await proxy.restore();
    await waitFor(async () => JSON.stringify(await post(serverB, { extensions: persisted(sha256(listedLate)) })) === JSON.stringify(typename()), "B to read Redis again");
    expect(await post(serverB, { extensions: persisted(unknown) })).toEqual(notInList(unknown));
  });

  test("the CLI lists and removes documents", async () => {
    const listed = await trust("--list");
    expect(listed).toEqual({
      code: 0,
      stdout:
        [
          ...[
            `${sha256(LISTED)}  query ListedByManifest`,
            `${sha256(ALSO_LISTED)}  query AlsoListed`,
            `${sha256("query ListedLate { __typename }")}  query ListedLate`,
          ].sort(),
          `3 trusted documents under ${keyPrefix}trusted:`,
        ].join("\n") + "\n",
      stderr: "",
    });
    expect(await trust("--remove", sha256(ALSO_LISTED), "f".repeat(64))).toEqual({
      code: 0,
      stdout: "removed 1 of 2 documents (1 were not listed)\n",
      stderr: "",
    });
    expect(await redis.exists(`${keyPrefix}trusted:${sha256(ALSO_LISTED)}`)).toBe(0);
    expect(await trust("--remove", "not-a-hash")).toEqual({ code: 1, stdout: "", stderr: "trust: not a SHA-256 in hex: not-a-hash\n" });
  });
});

(skipReason ? describe.skip : describe)("checkTrustedDocument: the check itself, as other transports call it", () => {
  const keyPrefix = `newsgraph-test:${randomUUID()}:`;
  let redis: Redis;
  const refusals: string[] = [];
  const documents = () =>
    redisTrustedDocuments(
      { redisUrl: REDIS_URL, keyPrefix, revalidateAfterMs: 50, onRefusal: (code) => refusals.push(code) },
      createLogger({ level: "silent" }),
    );

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true });
    await redis.connect();
  });
  afterAll(async () => {
    const found = await redis.keys(`${keyPrefix}*`);
    if (found.length) await redis.del(...found);
    await redis.quit();
  });

  test("answers the text to execute or the error; a removed document stops being served once revalidated", async () => {
    const trusted = documents();
    try {
      await trusted.connected();
      const text = "query Removable { __typename }";
      await redis.set(trustedDocumentKey(keyPrefix, sha256(text)), text);
      expect(await trusted.check(undefined, sha256(text))).toEqual({ query: text });
      expect(await trusted.check(text, undefined)).toEqual({ query: text });
      // Hashes are hex: the uppercase spelling is the same document.
      expect(await trusted.check(undefined, sha256(text).toUpperCase())).toEqual({ query: text });

      await redis.del(trustedDocumentKey(keyPrefix, sha256(text)));
      // Served from the cache until a background read finds it gone.
      await waitFor(async () => (await trusted.check(undefined, sha256(text))).error, "the removal to be seen");
      const refusal = await trusted.check(undefined, sha256(text));
      expect(refusal.error?.message).toBe(`Persisted query '${sha256(text)}' is not in this server's list of trusted documents.`);
      expect(refusal.error?.extensions).toEqual({ code: "PERSISTED_QUERY_NOT_IN_LIST", http: { status: 400 } });
      expect(refusals.at(-1)).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    } finally {
      await trusted.close();
    }
  });

  test("a stored text that does not hash to its key is not trusted", async () => {
    const trusted = documents();
    try {
      await trusted.connected();
      const listed = "query Listed { __typename }";
      await redis.set(trustedDocumentKey(keyPrefix, sha256(listed)), "mutation Swapped { __typename }");
      expect((await trusted.check(undefined, sha256(listed))).error?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
      expect((await trusted.check(listed, undefined)).error?.extensions?.code).toBe("QUERY_NOT_IN_SAFELIST");
    } finally {
      await trusted.close();
    }
  });
});

describe("trusted documents' configuration", () => {
  test("TRUSTED_DOCUMENTS_ONLY is off by default, and needs REDIS_URL", () => {
    expect(loadConfig({}).trustedDocumentsOnly).toBe(false);
    expect(loadConfig({ TRUSTED_DOCUMENTS_ONLY: "true", REDIS_URL: "redis://cache:6379" }).trustedDocumentsOnly).toBe(true);
    expect(loadConfig({ TRUSTED_DOCUMENTS_ONLY: "0", REDIS_URL: "redis://cache:6379" }).trustedDocumentsOnly).toBe(false);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS_ONLY: "true" })).toThrow(
      new ConfigError(
        "invalid configuration: TRUSTED_DOCUMENTS_ONLY needs REDIS_URL (the list of trusted documents is kept in Redis, shared by every replica)",
      ),
    );
    expect(() => loadConfig({ TRUSTED_DOCUMENTS_ONLY: "yes", REDIS_URL: "redis://cache:6379" })).toThrow(
      /^invalid configuration: TRUSTED_DOCUMENTS_ONLY /,
    );
  });

  test("a server process with TRUSTED_DOCUMENTS_ONLY=true and no REDIS_URL does not start, and says why", async () => {
    expect(await runEntry("main", { TRUSTED_DOCUMENTS_ONLY: "true" })).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "newsgraph: invalid configuration: TRUSTED_DOCUMENTS_ONLY needs REDIS_URL (the list of trusted documents is kept in Redis, shared by every replica)\n",
    });
    expect(await runEntry("main", { TRUSTED_DOCUMENTS_ONLY: "on", REDIS_URL: "redis://127.0.0.1:6379" })).toMatchObject({
      code: 1,
      stdout: "",
      stderr: expect.stringMatching(/^newsgraph: invalid configuration: TRUSTED_DOCUMENTS_ONLY [^\n]+\n$/),
    });
  });

  test("a server is not created with trustedDocumentsOnly and no Redis", async () => {
    await expect(
      createServer({ port: 0, host: "127.0.0.1", exposeSqlStatementCount: false, playgroundEnabled: false, trustedDocumentsOnly: true }, null as never),
    ).rejects.toThrow(
      new ConfigError(
        "invalid configuration: TRUSTED_DOCUMENTS_ONLY needs REDIS_URL (the list of trusted documents is kept in Redis, shared by every replica)",
      ),
    );
  });
});
