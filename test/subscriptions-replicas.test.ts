// Subscriptions as a deployment sees them: several server processes on one PostgreSQL database
// (an event reaches subscribers on every replica, in commit order), a database that goes away and
// comes back (subscriptions stay open and hear of what committed meanwhile), and SIGTERM (every
// subscriber is told to go elsewhere, and the process exits 0).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/database/database";
import { writeTestArticle } from "./support/article-writes";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { subscriptionClient, type TestClient, waitForSubscriptions } from "./support/subscriptions";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { createTestDatabase, databaseKind, serverUrl, type TestDatabase } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer, TEST_JWT_SECRET } from "./support/tokens";

// PGlite is one process's database: replicas and outages need a server.
const onServer = databaseKind === "postgres" ? describe : describe.skip;

const RECORDED = `subscription { articleRecorded { articleSlug firstRecording changes { entityType action } article { title } } }`;
const RECORD = `mutation Record($document: JSONObject!) { recordArticle(document: $document) { facts } }`;

const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

function recorded(slug: string) {
  return {
    data: {
      articleRecorded: {
        articleSlug: slug,
        firstRecording: true,
        changes: [
          { entityType: "Article", action: "CREATED" },
          { entityType: "Place", action: "CREATED" },
        ],
        article: { title: `Test article ${slug}` },
      },
    },
    extensions: { sqlStatements: 1 },
  };
}

onServer("two server processes on one database", () => {
  let database: TestDatabase;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { ...database.env, AUTH_JWT_SECRET: TEST_JWT_SECRET, EXPOSE_SQL_STATEMENT_COUNT: "true", MIGRATE_ON_START: "true" };
    servers.push(await startServerProcess({ ...env, SEED_ON_EMPTY: "true" }));
    servers.push(await startServerProcess({ ...env, SEED_ON_EMPTY: "false" }));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill()));
    await database?.drop();
  });

  test("a subscriber on one hears, in order, of the articles recorded through the other", async () => {
    const [a, b] = servers;
    const client = subscriptionClient(a.url);
    clients.push(client);
    const subscription = client.subscribe(RECORDED);
    await waitForSubscriptions(a.url, 1);
    const editor = await bearer();
    const record = async (slug: string) => {
      const body = { query: RECORD, variables: { document: { article: { slug, title: `Test article ${slug}`, publisher: "newsgraph tests", publishedOn: "2026-01-01" }, places: [{ slug: `${slug}-place`, name: `Place of ${slug}` }] } } };
      const response = await fetch(`${b.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...editor }, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
    };
    for (const slug of ["replica-one", "replica-two", "replica-three"]) await record(slug);
    expect([await subscription.next(), await subscription.next(), await subscription.next()]).toEqual([
      recorded("replica-one"),
      recorded("replica-two"),
      recorded("replica-three"),
    ]);
    expect(subscription.pending).toEqual([]);
  });
});

onServer("when the database goes away and comes back", () => {
  let proxy: TcpProxy;
  let server: TestServer;
  beforeAll(async () => {
    const target = new URL(serverUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    server = await startTestServer({
      database: (config) => (config.kind === "postgres" ? { ...config, url: proxy.proxiedUrl(config.url), timeoutMs: 1_000 } : config),
    });
  }, 120_000);
  afterEach(() => proxy.restore()); // a failed test must not leave the database away for the next
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
  });

  test("subscriptions stay open, hear of what committed during the outage once it is back, and of what follows", async () => {
    const client = subscriptionClient(server.url);
    clients.push(client);
    const subscription = client.subscribe(RECORDED);
    await waitForSubscriptions(server.url, 1);
    // The server loses the database; another writer (straight to it) records an article meanwhile.
    const direct = await openDatabase(server.databaseConfig);
    try {
      await proxy.cut();
      await writeTestArticle(direct, "during-the-outage");
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(subscription.pending).toEqual([]);
      await proxy.restore();
      expect(await subscription.next(20_000)).toEqual(recorded("during-the-outage"));
      await writeTestArticle(direct, "after-the-outage");
      expect(await subscription.next()).toEqual(recorded("after-the-outage"));
      expect(subscription.pending).toEqual([]);
    } finally {
      await direct.close();
    }
  }, 60_000);
});

describe("SIGTERM", () => {
  let dataDir: string;
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-subscriptions-"));
    database = await createTestDatabase(path.join(dataDir, "pglite"));
  });
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("closes every subscription with 1001 (going away) and exits 0", async () => {
    server = await startServerProcess({ ...database.env, SEED_ON_EMPTY: "false" });
    const client = subscriptionClient(server.url);
    clients.push(client);
    const subscription = client.subscribe(RECORDED);
    await waitForSubscriptions(server.url, 1);
    server.child.kill("SIGTERM");
    expect(await client.closed).toEqual({ code: 1001, reason: "Going away" });
    expect(await subscription.ended).toEqual({ error: expect.objectContaining({ code: 1001 }) });
    expect(await server.exited).toEqual({ code: 0, signal: null, stderr: "" });
  }, 60_000);
});
