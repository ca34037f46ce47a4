// Read replicas (DATABASE_REPLICA_URLS, through @prisma/extension-read-replicas): reads outside
// transactions go to a replica's pool, writes and transactions to the primary's. Here the
// "replica" is a second URL (through a TCP proxy) to the same database, which is enough to see
// which pool each statement went through (the per-target SQL statement counter in /metrics),
// and to see a replica that goes away take readiness down and come back.
import { writeTestArticle } from "./support/article-writes";
import { captureLogs } from "./support/log-capture";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { databaseKind, serverUrl } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

const onServer = databaseKind === "postgres" ? describe : describe.skip;

onServer("with a read replica", () => {
  let proxy: TcpProxy;
  let server: TestServer;

  beforeAll(async () => {
    const target = new URL(serverUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    server = await startTestServer({
      database: (config) =>
        config.kind === "postgres" ? { ...config, replicaUrls: [proxy.proxiedUrl(config.url)], timeoutMs: 1_000 } : config,
      server: { logger: captureLogs("warn").logger }, // the outage below is expected: keep it out of the output
    });
  });
  afterEach(() => proxy.restore());
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
  });

  async function statements(): Promise<Record<string, number>> {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const counts: Record<string, number> = {};
    for (const [, target, value] of text.matchAll(/^newsgraph_sql_statements_total\{target="([^"]+)"\} (\d+)$/gm)) {
      counts[target] = Number(value);
    }
    return counts;
  }

  test("reads go through the replica's pool, and nothing through the primary's", async () => {
    const before = await statements();
    const { body } = await server.graphql(`{ meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { title place { name } } }`);
    expect(body).toEqual({
      data: { meetingBySlug: { title: expect.any(String), place: { name: expect.any(String) } } },
      extensions: { sqlStatements: expect.any(Number) },
    });
    const sent = body.extensions!.sqlStatements!;
    expect(sent).toBeGreaterThan(0);
    const after = await statements();
    expect({ primary: after.primary - before.primary, replica: after["replica-1"] - (before["replica-1"] ?? 0) }).toEqual({
      primary: 0,
      replica: sent,
    });
  });

  test("writes (a transactional import) go through the primary's pool, and nothing through the replica's", async () => {
    const before = await statements();
    await writeTestArticle(server.database, "replica-test-write");
    const after = await statements();
    expect(after.primary).toBeGreaterThan(before.primary);
    expect(after["replica-1"]).toBe(before["replica-1"]);
    // ...and the replica (the same database here) reads it.
    const { body } = await server.graphql(`{ articleBySlug(slug: "replica-test-write") { slug } }`);
    expect(body.data).toEqual({ articleBySlug: { slug: "replica-test-write" } });
  });

  test("pool usage is reported per pool", async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/^newsgraph_db_pool_max_connections\{target="primary"\} 10$/m);
    expect(text).toMatch(/^newsgraph_db_pool_max_connections\{target="replica-1"\} 10$/m);
  });

  test("an unreachable replica turns readiness false and reads fail with SERVICE_UNAVAILABLE until it is back", async () => {
    await proxy.cut();
    const ready = await fetch(`${server.url}/health/ready`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({
      status: 503,
      body: { status: "unavailable", reason: "database unreachable" },
    });
    const failed = await server.graphql(`{ articleBySlug(slug: "replica-test-write") { slug } }`);
    expect(failed.status).toBe(503);
    expect(failed.body.errors?.map((error) => error.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);

    await proxy.restore();
    await waitFor(async () => (await fetch(`${server.url}/health/ready`)).status === 200, "readiness with the replica back");
    const { body } = await server.graphql(`{ articleBySlug(slug: "replica-test-write") { slug } }`);
    expect(body.data).toEqual({ articleBySlug: { slug: "replica-test-write" } });
  });
});
