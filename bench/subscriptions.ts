// `npm run bench:subscriptions`: what subscriptions cost and how fast events arrive. Two server
// processes as production runs them on a new database of the PostgreSQL server; --connections
// WebSocket clients open --per-connection `articleRecorded` subscriptions each on server A (RSS
// read before and after: the memory of an idle subscription); then --writes articles are
// recorded one at a time through server B, and every subscriber's event is timed from the moment
// its write was sent (so the figure includes the write itself, its commit, the notification,
// and A's reads and sends). Also A's CPU per event delivered.
import { parseArgs } from "node:util";
import { createClient } from "graphql-ws";
import { SignJWT } from "jose";
import pg from "pg";
import WebSocket from "ws";
import { serverArgs, freePort, type ServerProcess, startProcess } from "./processes";

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
    connections: { type: "string", default: "100" },
    "per-connection": { type: "string", default: "10" },
    writes: { type: "string", default: "50" },
  },
});

const DATABASE = "newsgraph_bench_subscriptions";
const SECRET = "newsgraph-bench-secret-of-at-least-32-chars";
const SUBSCRIPTION = "subscription { articleRecorded { articleSlug changes { entityType action } article { title publishedOn } } }";
const RECORD = "mutation Record($document: JSONObject!) { recordArticle(document: $document) { facts } }";

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const connections = Number(options.connections);
  const perConnection = Number(options["per-connection"]);
  const writes = Number(options.writes);
  const databaseUrl = await freshDatabase(options["database-url"]!);
  const env = { DATABASE_URL: databaseUrl, HOST: "127.0.0.1", LOG_LEVEL: "warn", NODE_ENV: "production", AUTH_JWT_SECRET: SECRET, PLAYGROUND_ENABLED: "false" };
  const start = async (name: string, extra: Record<string, string>) => {
    const port = await freePort();
    return startProcess(name, serverArgs(), port, { ...env, ...extra, PORT: String(port), SUBSCRIPTIONS_MAX_PER_CONNECTION: String(perConnection) });
  };
  const a = await start("newsgraph-a", { MIGRATE_ON_START: "true", SEED_ON_EMPTY: "true" });
  const b = await start("newsgraph-b", { MIGRATE_ON_START: "false", SEED_ON_EMPTY: "false" });
  const clients: ReturnType<typeof createClient>[] = [];
  try {
    await settle(2_000);
    const idleMb = a.rssMb();
    // Every subscriber's receipt times, by article slug.
    const received = new Map<string, number[]>();
    let open = 0;
    for (let c = 0; c < connections; c++) {
      const client = createClient({ url: a.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
      clients.push(client);
      for (let s = 0; s < perConnection; s++) {
        client.subscribe<{ articleRecorded: { articleSlug: string } }>(
          { query: SUBSCRIPTION },
          {
            next: ({ data, errors }) => {
              if (errors) throw new Error(JSON.stringify(errors));
              const slug = data!.articleRecorded.articleSlug;
              received.set(slug, [...(received.get(slug) ?? []), performance.now()]);
            },
            error: (error) => console.error("subscription error", error),
            complete: () => undefined,
          },
        );
        open++;
      }
    }
    const total = connections * perConnection;
    await waitFor(async () => (await openSubscriptions(a)) === total, `${total} subscriptions on A`);
    await settle(2_000);
    const subscribedMb = a.rssMb();

    const token = await new SignJWT({ roles: ["editor"] }).setProtectedHeader({ alg: "HS256" }).setSubject("bench").setIssuedAt().setExpirationTime("1h").sign(new TextEncoder().encode(SECRET));
    const latencies: number[] = [];
    const cpuBefore = a.cpuMs();
    for (let i = 0; i < writes; i++) {
      const slug = `bench-subscriptions-${i}`;
      const sent = performance.now();
      const response = await fetch(b.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: RECORD, variables: { document: articleDocument(slug) } }),
      });
      if (!response.ok) throw new Error(`recordArticle answered ${response.status}: ${await response.text()}`);
      await waitFor(async () => (received.get(slug)?.length ?? 0) === total, `${total} events of ${slug}`);
      latencies.push(...received.get(slug)!.map((at) => at - sent));
    }
    const cpuMs = a.cpuMs() - cpuBefore;
    latencies.sort((x, y) => x - y);
    console.log(`subscriptions on server A: ${open} (${connections} connections × ${perConnection}); ${writes} articles recorded through server B, one at a time`);
    console.log(`  A's RSS idle ${idleMb} MB, with the subscriptions open ${subscribedMb} MB: ${(((subscribedMb - idleMb) * 1024) / total).toFixed(1)} KB per subscription`);
    console.log(`  from sending a write to each subscriber's event: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (${latencies.length} events)`);
    console.log(`  A's CPU: ${(cpuMs / latencies.length).toFixed(3)} ms per event delivered (${cpuMs} ms for ${latencies.length})`);
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await a.stop();
    await b.stop();
  }
}

function articleDocument(slug: string) {
  return {
    article: { slug, title: `Bench article ${slug}`, publisher: "newsgraph bench", publishedOn: "2026-06-01" },
    places: [{ slug: `${slug}-hall`, name: `Hall of ${slug}` }],
  };
}

async function openSubscriptions(server: ServerProcess): Promise<number> {
  const metrics = await (await fetch(server.url.replace(/\/graphql$/, "/metrics"))).text();
  return Number(/^newsgraph_subscriptions (\d+)/m.exec(metrics)?.[1] ?? 0);
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle(10);
  }
}

/** The bench's own database, dropped and created again: each run starts from the seed alone. */
async function freshDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
