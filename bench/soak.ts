// `npm run bench:soak`: a soak run of the production build against the PostgreSQL server.
//
// It creates a database of its own, starts the server as `npm start` does on it (migrate + seed, as in
// production), then for SOAK_DURATION_S seconds (60) sends the example queries of
// schema/examples.graphql and reads of freshly written articles from SOAK_CONNECTIONS (20)
// connections with autocannon, while writers import articles in this process (newsgraph has no
// mutations yet; when it has, add them to WRITE_OPERATIONS below and they join the mix). It
// samples the server's memory every second, stops the server with SIGTERM (it must exit 0),
// drops the database and reports: failed requests (must be 0) and the memory slopes once warmed
// up. RSS follows the garbage collector's sawtooth (the heap grows between collections), so a
// straight line through 45 s of it says little; what a leak makes grow is the heap that survives
// a full collection (newsgraph_heap_used_after_major_gc_bytes), and that slope must be flat:
// within ±SOAK_MAX_HEAP_SLOPE_MB_PER_MIN. Exit code 1 if anything fails.
// Everything runs on loopback; the run stops by itself.
import "reflect-metadata";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { paths } from "../src/config";
import { type Database, openDatabase } from "../src/database/database";
import { parseArticleDocument } from "../src/importer/article-document";
import { importArticle } from "../src/importer/import-article";
import { tabsFromExamples } from "../src/server/playground/playground";
import { freePort, serverArgs } from "./processes";

const settings = {
  adminUrl: process.env.SOAK_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
  durationSeconds: Number(process.env.SOAK_DURATION_S || 60),
  connections: Number(process.env.SOAK_CONNECTIONS || 20),
  /** Article imports per second, from one writer in this process (an import is one transaction). */
  writesPerSecond: Number(process.env.SOAK_WRITES_PER_S || 10),
  /** The server's log level during the run: production's default, its cost included. */
  logLevel: process.env.SOAK_LOG_LEVEL || "info",
  /** Samples before this are warm-up (JIT, pools, caches) and left out of the memory slope. */
  warmupSeconds: Number(process.env.SOAK_WARMUP_S || 15),
  maxHeapSlopeMbPerMin: Number(process.env.SOAK_MAX_HEAP_SLOPE_MB_PER_MIN || 5),
};

interface GraphQLOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * GraphQL mutations to mix into the load once the API has them (none yet: writes are the
 * in-process article imports below). Each is sent like the example queries and must answer
 * without errors.
 */
const WRITE_OPERATIONS: GraphQLOperation[] = [];

const main = async () => {
  const dbName = `newsgraph_soak_${randomBytes(4).toString("hex")}`;
  const databaseUrl = Object.assign(new URL(settings.adminUrl), { pathname: `/${dbName}` }).toString();
  await admin(`CREATE DATABASE ${dbName}`);
  let server: ChildProcess | undefined;
  let writerDb: Database | undefined;
  try {
    const port = await freePort();
    const logLines = { count: 0, warnOrWorse: [] as string[] };
    server = startServer(databaseUrl, port, logLines);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForReady(baseUrl, server);
    console.log(`server ready on ${baseUrl} (database ${dbName}); soaking ${settings.durationSeconds} s at ${settings.connections} connections`);

    // Writers: article imports in this process, through the same database layer as the server.
    writerDb = await openDatabase({ kind: "postgres", url: databaseUrl });
    const writes = { ok: 0, failed: 0, errors: [] as string[], latestSlug: null as string | null };
    let writing = true;
    const writer = async () => {
      const interval = 1000 / settings.writesPerSecond;
      for (let n = 1, next = Date.now(); writing; n++, next += interval) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
        const slug = `soak-${n}`;
        try {
          await importArticle(writerDb!.prisma, soakArticle(slug));
          writes.ok += 1;
          writes.latestSlug = slug;
        } catch (error) {
          writes.failed += 1;
          if (writes.errors.length < 5) writes.errors.push(String(error));
        }
      }
    };
    const writers = settings.writesPerSecond > 0 ? [writer()] : [];

    // Memory: the server's RSS every second (and its heap, from /metrics).
    const samples: { t: number; rssMb: number; heapMb: number | null; heapAfterGcMb: number | null }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => {
      void sample(server!.pid!, baseUrl).then((s) => samples.push({ t: (Date.now() - started) / 1000, ...s }));
    }, 1000);

    // Reads: every example query, plus a read of the latest acknowledged write.
    const graphqlFailures: string[] = [];
    const examples = tabsFromExamples(fs.readFileSync(paths.examples, "utf8"));
    const operations = [...examples, ...WRITE_OPERATIONS];
    const checkResponse = (name: string) => (status: number, body: string) => {
      if (status === 200 && !body.includes('"errors"')) return;
      if (graphqlFailures.length < 1000) graphqlFailures.push(`${name}: ${status} ${body.slice(0, 200)}`);
    };
    const requests: autocannon.Request[] = operations.map((operation) => ({
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: operation.query, variables: operation.variables }),
      onResponse: checkResponse(operation.name),
    }));
    requests.push({
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json" },
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({
          query: "query LatestWrite($slug: String!) { articleBySlug(slug: $slug) { slug title } }",
          variables: { slug: writes.latestSlug ?? "2025-12-03-naqura-civilian-talks" },
        }),
      }),
      onResponse: (status, body) => {
        checkResponse("LatestWrite")(status, body);
        if (status === 200 && body.includes('"articleBySlug":null')) graphqlFailures.push(`LatestWrite: an acknowledged write was not found`);
      },
    });
    const result = await autocannon({
      url: baseUrl,
      connections: settings.connections,
      duration: settings.durationSeconds,
      timeout: 10,
      requests,
    });
    writing = false;
    await Promise.all(writers);
    clearInterval(sampler);

    // A graceful stop under the soak's aftermath: SIGTERM, exit 0.
    const exitCode = await stopServer(server);
    server = undefined;

    const steady = samples.filter((s) => s.t >= settings.warmupSeconds);
    const rssSlope = slopePerMinute(steady.map((s) => [s.t, s.rssMb]));
    const afterGc = steady.filter((s) => s.heapAfterGcMb !== null).map((s) => [s.t, s.heapAfterGcMb!] as [number, number]);
    const heapSlope = slopePerMinute(afterGc);
    const rssValues = samples.map((s) => s.rssMb);
    const failedRequests = result.errors + result.timeouts + result.non2xx + graphqlFailures.length;
    const report = {
      durationSeconds: settings.durationSeconds,
      connections: settings.connections,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      failedRequests,
      failures: { connectionErrors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphqlErrors: graphqlFailures.length },
      writes: { acknowledged: writes.ok, failed: writes.failed },
      memory: {
        samples: samples.length,
        rssMb: {
          afterWarmup: round(steady[0]?.rssMb),
          end: round(steady.at(-1)?.rssMb),
          min: round(Math.min(...rssValues)),
          max: round(Math.max(...rssValues)),
        },
        rssSlopeMbPerMin: round(rssSlope),
        heapAfterMajorGcMb: { afterWarmup: round(afterGc[0]?.[1]), end: round(afterGc.at(-1)?.[1]) },
        heapAfterMajorGcSlopeMbPerMin: round(heapSlope),
        rssEvery5sMb: samples.filter((_, i) => i % 5 === 4).map((s) => round(s.rssMb)),
        heapEvery5sMb: samples.filter((_, i) => i % 5 === 4).map((s) => round(s.heapMb ?? undefined)),
      },
      server: { exitCode, logLines: logLines.count, warnOrWorse: logLines.warnOrWorse.length },
    };
    console.log(JSON.stringify(report, null, 2));
    if (graphqlFailures.length) console.log("first failures:", graphqlFailures.slice(0, 5));
    if (writes.errors.length) console.log("first write errors:", writes.errors);
    if (logLines.warnOrWorse.length) console.log("server warnings:", logLines.warnOrWorse.slice(0, 5));

    const flat = Number.isFinite(heapSlope) && Math.abs(heapSlope) <= settings.maxHeapSlopeMbPerMin;
    const passed = failedRequests === 0 && writes.failed === 0 && flat && exitCode === 0;
    console.log(
      passed
        ? `PASS: ${report.requests} requests and ${writes.ok} writes without a failure; heap after GC ${report.memory.heapAfterMajorGcSlopeMbPerMin} MB/min (limit ±${settings.maxHeapSlopeMbPerMin}), RSS ${report.memory.rssSlopeMbPerMin} MB/min`
        : `FAIL: ${failedRequests} failed requests, ${writes.failed} failed writes, heap after GC ${report.memory.heapAfterMajorGcSlopeMbPerMin} MB/min (limit ±${settings.maxHeapSlopeMbPerMin}), server exit ${exitCode}`,
    );
    process.exitCode = passed ? 0 : 1;
  } finally {
    await writerDb?.close();
    if (server) await stopServer(server);
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
};

function soakArticle(slug: string) {
  return parseArticleDocument({
    article: { slug, title: `Soak article ${slug}`, publisher: "newsgraph soak", publishedOn: "2026-01-01" },
    places: [{ slug: `${slug}-place`, name: `Place of ${slug}` }],
  });
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: settings.adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function startServer(databaseUrl: string, port: number, logLines: { count: number; warnOrWorse: string[] }): ChildProcess {
  const child = spawn(process.execPath, serverArgs(), {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      SEED_ON_EMPTY: "true",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: settings.logLevel,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let partial = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop()!;
    logLines.count += lines.length;
    for (const line of lines) if (/"level":"(warn|error|fatal)"/.test(line)) logLines.warnOrWorse.push(line);
  });
  return child;
}

async function waitForReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the server did not become ready within 60 s");
}

function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill("SIGTERM");
  });
}

async function sample(pid: number, baseUrl: string): Promise<{ rssMb: number; heapMb: number | null; heapAfterGcMb: number | null }> {
  let rssMb = NaN;
  let heapMb: number | null = null;
  let heapAfterGcMb: number | null = null;
  let metrics = "";
  try {
    metrics = await (await fetch(`${baseUrl}/metrics`)).text();
  } catch {
    // the sample keeps what it can read
  }
  const heap = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(metrics);
  if (heap) heapMb = Number(heap[1]) / 2 ** 20;
  const afterGc = /^newsgraph_heap_used_after_major_gc_bytes (\S+)$/m.exec(metrics);
  if (afterGc && Number(afterGc[1]) > 0) heapAfterGcMb = Number(afterGc[1]) / 2 ** 20;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    rssMb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)![1]) / 1024;
  } catch {
    const rss = /^process_resident_memory_bytes (\S+)$/m.exec(metrics);
    if (rss) rssMb = Number(rss[1]) / 2 ** 20;
  }
  return { rssMb, heapMb, heapAfterGcMb };
}

/** Least-squares slope of y over x (seconds), per minute. */
function slopePerMinute(points: [number, number][]): number {
  const valid = points.filter(([, y]) => Number.isFinite(y));
  if (valid.length < 2) return NaN;
  const n = valid.length;
  const meanX = valid.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = valid.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = valid.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = valid.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return (covariance / variance) * 60;
}

function round(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Math.round(value * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
