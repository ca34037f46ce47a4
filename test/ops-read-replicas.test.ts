// Read replicas (DATABASE_REPLICA_URLS, through @prisma/extension-read-replicas): reads outside
// transactions go to a replica's pool, writes, transactions and mutations to the primary's. The
// replica here is a real streaming standby of the test server (support/postgres-standby.ts),
// reached through a TCP proxy so that it can also go away and come back. Pausing the standby's
// replay makes it lag on purpose: the lag shows in /metrics, a plain read misses the newest
// write, and read-your-writes (mutations, X-Newsgraph-Read-Primary: 1) still sees it.
import { writeTestArticle } from "./support/article-writes";
import { captureLogs } from "./support/log-capture";
import { type PostgresStandby, standbySkipReason, startStandby } from "./support/postgres-standby";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { serverUrl } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";
import { waitFor } from "./support/wait";

const skipReason = standbySkipReason(serverUrl);
if (skipReason && serverUrl) console.warn(`ops-read-replicas skipped: no standby can be started here: ${skipReason}`);

(skipReason ? describe.skip : describe)("with a streaming standby as read replica", () => {
  let standby: PostgresStandby;
  let proxy: TcpProxy;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      // The test database exists by now, so the base backup holds it; what the server then
      // migrates and seeds on the primary reaches the standby by streaming.
      database: async (config) => {
        if (config.kind !== "postgres") return config;
        standby = await startStandby(serverUrl!);
        proxy = await startTcpProxy({ host: "127.0.0.1", port: standby.port });
        return { ...config, replicaUrls: [proxy.proxiedUrl(standby.standbyUrl(config.url))], timeoutMs: 1_000 };
      },
      server: { logger: captureLogs("warn").logger }, // the outage below is expected: keep it out of the output
    });
    await standby.caughtUp();
  }, 120_000);
  afterEach(async () => {
    await proxy?.restore();
    await standby?.query("SELECT pg_wal_replay_resume()");
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await standby?.stop();
  });

  async function scrape(): Promise<string> {
    return (await fetch(`${server.url}/metrics`)).text();
  }

  async function statements(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [, target, value] of (await scrape()).matchAll(/^newsgraph_sql_statements_total\{target="([^"]+)"\} (\d+)$/gm)) {
      counts[target] = Number(value);
    }
    return counts;
  }

  /** The replica's lag gauges (undefined when the scrape has no sample). */
  async function lag(): Promise<{ bytes?: number; seconds?: number }> {
    const text = await scrape();
    const sample = (name: string) => {
      const match = new RegExp(`^${name}\\{target="replica-1"\\} (\\S+)$`, "m").exec(text);
      return match ? Number(match[1]) : undefined;
    };
    return { bytes: sample("newsgraph_db_replica_lag_bytes"), seconds: sample("newsgraph_db_replica_lag_seconds") };
  }

  /**
   * The sample that shows no lag, itself: the test server is shared with other jest workers whose
   * writes keep streaming to the standby, so a second scrape may catch WAL in flight.
   */
  async function caughtUpLag(): Promise<{ bytes?: number; seconds?: number } | false> {
    const now = await lag();
    return now.bytes === 0 ? now : false;
  }

  async function pauseReplay(): Promise<void> {
    await standby.query("SELECT pg_wal_replay_pause()");
    await waitFor(
      async () => (await standby.query<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state"))[0].state === "paused",
      "the standby's replay to pause",
    );
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
    // ...and the replica reads it once it has replayed it.
    await standby.caughtUp();
    const { body } = await server.graphql(`{ articleBySlug(slug: "replica-test-write") { slug } }`);
    expect(body.data).toEqual({ articleBySlug: { slug: "replica-test-write" } });
  });

  test("pool usage is reported per pool", async () => {
    const text = await scrape();
    expect(text).toMatch(/^newsgraph_db_pool_max_connections\{target="primary"\} 10$/m);
    expect(text).toMatch(/^newsgraph_db_pool_max_connections\{target="replica-1"\} 10$/m);
  });

  test("replica lag: a paused replay shows in /metrics and hides the newest write from reads; resumed, both go back", async () => {
    await standby.caughtUp();
    expect(await waitFor(caughtUpLag, "no lag")).toEqual({ bytes: 0, seconds: 0 });

    await pauseReplay();
    await writeTestArticle(server.database, "replica-lag-write");
    const lagging = await waitFor(async () => {
      const now = await lag();
      return now.bytes! > 0 ? now : false;
    }, "the replica to receive WAL it does not replay");
    expect(lagging.seconds).toBeGreaterThan(0);
    const stale = await server.graphql(`{ articleBySlug(slug: "replica-lag-write") { slug } }`);
    expect(stale.body).toEqual({ data: { articleBySlug: null }, extensions: { sqlStatements: 1 } });

    await standby.query("SELECT pg_wal_replay_resume()");
    expect(await waitFor(caughtUpLag, "the replica to replay it")).toEqual({ bytes: 0, seconds: 0 });
    const fresh = await server.graphql(`{ articleBySlug(slug: "replica-lag-write") { slug } }`);
    expect(fresh.body).toEqual({ data: { articleBySlug: { slug: "replica-lag-write" } }, extensions: { sqlStatements: 1 } });
  });

  test("read-your-writes: a mutation reads its own write, and X-Newsgraph-Read-Primary: 1 reads on the primary", async () => {
    const editor = await bearer({ roles: ["editor"] });
    await pauseReplay();
    const country = await server.graphql<{ createCountry: { id: string } }>(
      `mutation { createCountry(input: { code: "SY", name: "Syria" }) { id code } }`,
      undefined,
      editor,
    );
    expect(country.body).toEqual({ data: { createCountry: { id: expect.any(String), code: "SY" } }, extensions: { sqlStatements: expect.any(Number) } });
    // The place's country is read by the mutation's response: on the primary, where it exists.
    const place = await server.graphql(
      `mutation ($countryId: ID!) { createPlace(input: { slug: "damascus", name: "Damascus", countryId: $countryId }) { slug country { code name } } }`,
      { countryId: country.body.data!.createCountry.id },
      editor,
    );
    expect(place.body).toEqual({
      data: { createPlace: { slug: "damascus", country: { code: "SY", name: "Syria" } } },
      extensions: { sqlStatements: expect.any(Number) },
    });

    // A compiled read (countryByCode) and a Prisma one (totalCount, a count).
    const query = `{ countryByCode(code: "SY") { code name } countries(first: 1) { totalCount } }`;
    const stale = await server.graphql<{ countries: { totalCount: number } }>(query);
    expect(stale.body).toEqual({
      data: { countryByCode: null, countries: { totalCount: expect.any(Number) } },
      extensions: { sqlStatements: expect.any(Number) },
    });
    expect((await server.graphql(query, undefined, { "X-Newsgraph-Read-Primary": "1" })).body).toEqual({
      data: { countryByCode: { code: "SY", name: "Syria" }, countries: { totalCount: stale.body.data!.countries.totalCount + 1 } },
      extensions: { sqlStatements: expect.any(Number) },
    });
  });

  test("any other value of X-Newsgraph-Read-Primary is refused with 400 and nothing runs", async () => {
    const editor = await bearer({ roles: ["editor"] });
    const refused = await server.graphql(`mutation { createCountry(input: { code: "QA", name: "Qatar" }) { code } }`, undefined, {
      ...editor,
      "X-Newsgraph-Read-Primary": "yes",
    });
    expect(refused).toEqual({
      status: 400,
      body: {
        errors: [{ message: "The X-Newsgraph-Read-Primary header must be 1 (or absent).", extensions: { code: "BAD_REQUEST" } }],
        extensions: { sqlStatements: 0 },
      },
    });
    const read = await server.graphql(`{ countryByCode(code: "QA") { code } }`, undefined, { "X-Newsgraph-Read-Primary": "1" });
    expect(read.body).toEqual({ data: { countryByCode: null }, extensions: { sqlStatements: 1 } });
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
    // The lag of a replica that does not answer is not reported, and the scrape still succeeds.
    expect(await lag()).toEqual({ bytes: undefined, seconds: undefined });

    await proxy.restore();
    await waitFor(async () => (await fetch(`${server.url}/health/ready`)).status === 200, "readiness with the replica back");
    const { body } = await server.graphql(`{ articleBySlug(slug: "replica-test-write") { slug } }`);
    expect(body.data).toEqual({ articleBySlug: { slug: "replica-test-write" } });
  });
});
