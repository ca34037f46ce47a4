// `npm run bench`: generates the data set (once per scale), starts the newsgraph server as
// production runs it and the reference server, checks that both give the same data for every
// query, then drives each with autocannon over loopback (a warm-up, then a fixed duration) and
// writes bench/results/<time>.json and bench/results/latest.md (not committed; the figures worth
// keeping go to docs/performance.md). See docs/performance.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { prepareBenchDatabase } from "./database";
import { type BenchQuery, type Fixtures, QUERIES, readFixtures } from "./queries";
import { startOtlpSink } from "./otlp-sink";
import { postGraphQL, ROOT, type ServerProcess, startNewsgraph, startReference } from "./processes";
import { type Measurement, type QueryResult, type Results, type ScaleResult, writeResults } from "./report";

const { values: options } = parseArgs({
  options: {
    pg: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    scale: { type: "string", default: "1" },
    "large-scale": { type: "string", default: "10" },
    "skip-large-scale": { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    // q2 is also measured at this many connections (0: not), against itself at --connections.
    "high-connections": { type: "string", default: "50" },
    rounds: { type: "string", default: "1" },
    queries: { type: "string" },
    profile: { type: "boolean", default: false },
    "no-wait-quiet": { type: "boolean", default: false },
    "server-node-options": { type: "string" },
    "no-save": { type: "boolean", default: false },
    // Also a second server with tracing on (spans to an OTLP sink in this process), measured in
    // the same rounds as the first: on a shared machine, only figures taken together compare.
    otel: { type: "boolean", default: false },
  },
});

const settings = {
  scale: Number(options.scale),
  largeScale: Number(options["large-scale"]),
  duration: Number(options.duration),
  warmup: Number(options.warmup),
  connections: Number(options.connections),
  highConnections: Number(options["high-connections"]),
  rounds: Number(options.rounds),
  otel: options.otel,
};
const selected = options.queries ? QUERIES.filter((q) => options.queries!.split(",").some((k) => q.key.startsWith(k))) : QUERIES;
/** Queries whose latency is compared across scales (the issue: 1 and 2). */
const SCALED = QUERIES.slice(0, 2).filter((q) => selected.includes(q));
/** The query also measured at --high-connections, at the first scale: q2, whose CPU per request rose most with clients. */
const CONCURRENT = "q2-meetings";
const RESULTS_DIR = path.join(ROOT, "bench", "results");
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const started = new Date();
  // Profiles are large and machine-specific: kept out of the repository (.data/ is ignored).
  const profileDir = options.profile ? path.join(ROOT, ".data", "bench-profiles", stamp(started)) : undefined;
  const scales: ScaleResult[] = [await runScale(settings.scale, selected, profileDir)];
  if (!options["skip-large-scale"] && SCALED.length) scales.push(await runScale(settings.largeScale, SCALED));
  const results: Results = {
    startedAt: started.toISOString(),
    machine: machine(),
    settings: { ...settings, queries: selected.map((q) => q.key) },
    scales,
  };
  if (!options["no-save"]) {
    const files = writeResults(RESULTS_DIR, stamp(started), results);
    log(`\nwrote ${files.map((f) => path.relative(ROOT, f)).join(" and ")}`);
  }
  if (profileDir) log(`CPU profile of the server in ${path.relative(ROOT, profileDir)} (node dist/bench/profile-summary.js <file>)`);
}

async function runScale(scale: number, queries: readonly BenchQuery[], cpuProfileDir?: string): Promise<ScaleResult> {
  const highConnections = scale === settings.scale ? settings.highConnections : 0;
  log(`\n== scale ${scale}`);
  const database = await prepareBenchDatabase(options.pg!, scale, log);
  const fixtures = await withClient(database.url, readFixtures);
  if (cpuProfileDir) fs.mkdirSync(cpuProfileDir, { recursive: true });
  const newsgraph = await startNewsgraph({ databaseUrl: database.url, cpuProfileDir, nodeOptions: options["server-node-options"] });
  const reference = await startReference({ databaseUrl: database.url });
  const sink = options.otel ? await startOtlpSink() : undefined;
  const traced = sink
    ? { ...(await startNewsgraph({ databaseUrl: database.url, nodeOptions: options["server-node-options"], otlpEndpoint: sink.endpoint })), name: "traced" }
    : undefined;
  try {
    const results: QueryResult[] = [];
    for (const query of queries) {
      const statements = await checkSameData(query, fixtures, newsgraph, reference);
      if (traced) await checkSameData(query, fixtures, traced, reference);
      log(`${query.key}: same data from both servers; ${statements} SQL statement(s) per request`);
      results.push({ key: query.key, title: query.title, statements, server: [], reference: [], ...(traced ? { tracedServer: [] } : {}) });
    }
    for (let round = 0; round < settings.rounds; round++) {
      for (const [i, query] of queries.entries()) {
        // Alternate the servers, so that neither always runs on a warmer machine.
        for (const target of traced ? [newsgraph, traced, reference] : [newsgraph, reference]) {
          const measurement = await measure(query, fixtures, target);
          (target === newsgraph ? results[i].server : target === traced ? results[i].tracedServer! : results[i].reference).push(measurement);
          logMeasurement(query.key, target.name, measurement);
        }
        if (highConnections > 0 && query.key === CONCURRENT) {
          for (const target of [newsgraph, reference]) {
            const measurement = await measure(query, fixtures, target, highConnections);
            const side = target === newsgraph ? "serverHighConnections" : "referenceHighConnections";
            (results[i][side] ??= []).push(measurement);
            logMeasurement(`${query.key} (${highConnections} connections)`, target.name, measurement);
          }
        }
      }
    }
    // And once more after the load: the answers must not have changed under it.
    for (const query of queries) await checkSameData(query, fixtures, newsgraph, reference);
    log(`peak RSS: newsgraph ${newsgraph.peakRssMb()} MB, reference ${reference.peakRssMb()} MB${traced ? `, traced ${traced.peakRssMb()} MB` : ""}`);
    for (const result of traced ? results : []) {
      // Ratios within each round (measured minutes apart, rounds differ more than servers), then their median.
      const ratio = (field: "cpuMsPerRequest" | "requestsPerSecond") =>
        median(result.tracedServer!.map((measurement, round) => measurement[field] / result.server[round][field]));
      log(`${result.key}: tracing on: CPU ms/req ×${ratio("cpuMsPerRequest").toFixed(2)}, req/s ×${ratio("requestsPerSecond").toFixed(2)} (medians of the rounds' ratios)`);
    }
    if (sink) {
      const { requests, bytes } = sink.received();
      // Without exports the run would have measured nothing of tracing.
      if (requests === 0) throw new Error("--otel: the server exported no spans");
      log(`OTLP sink: ${requests} export requests, ${(bytes / 1e6).toFixed(1)} MB of spans`);
    }
    return {
      scale,
      database: database.name,
      serverPeakRssMb: newsgraph.peakRssMb(),
      referencePeakRssMb: reference.peakRssMb(),
      queries: results,
    };
  } finally {
    await Promise.all([newsgraph.stop(), reference.stop(), traced?.stop()]);
    await sink?.close();
  }
}

/**
 * Both servers' `data` must be deeply equal; returns the SQL statements the server's request cost,
 * read from its /metrics before and after it (newsgraph_sql_statements_total): the server runs as
 * production does, without the test-only `extensions.sqlStatements`, whose plugin and bytes the
 * reference would not pay for.
 */
async function checkSameData(query: BenchQuery, fixtures: Fixtures, newsgraph: ServerProcess, reference: ServerProcess): Promise<number> {
  const variables = query.variables(fixtures);
  const statementsBefore = await statementsRun(newsgraph);
  const [ours, theirs] = await Promise.all([
    postGraphQL(newsgraph.url, query.graphql, variables),
    postGraphQL(reference.url, query.graphql, variables),
  ]);
  const statements = (await statementsRun(newsgraph)) - statementsBefore;
  if (ours.errors) throw new Error(`${query.key}: the server answered with errors: ${JSON.stringify(ours.errors)}`);
  if (!isDeepStrictEqual(ours.data, theirs.data)) {
    const where = firstDifference(ours.data, theirs.data, "data");
    throw new Error(`${query.key}: the server and the reference disagree at ${where}`);
  }
  return statements;
}

/** Every SQL statement the server has sent, over all its connection pools. */
async function statementsRun(server: ServerProcess): Promise<number> {
  const response = await fetch(new URL("/metrics", server.url));
  if (!response.ok) throw new Error(`${server.name}'s /metrics answered ${response.status}`);
  const samples = [...(await response.text()).matchAll(/^newsgraph_sql_statements_total\{[^}]*\} (\d+)$/gm)];
  if (samples.length === 0) throw new Error(`${server.name}'s /metrics has no newsgraph_sql_statements_total`);
  return samples.reduce((sum, [, count]) => sum + Number(count), 0);
}

function firstDifference(a: unknown, b: unknown, at: string): string {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return `${at}: server ${JSON.stringify(a)?.slice(0, 200)} / reference ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${at}.${key}`);
  }
  return at;
}

function logMeasurement(what: string, server: string, measurement: Measurement): void {
  log(`${what} ${server.padEnd(9)} ${measurement.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
    `p50 ${measurement.p50Ms} ms  p99 ${measurement.p99Ms} ms  ${measurement.cpuMsPerRequest} CPU ms/req${measurement.failures ? `  ${measurement.failures} FAILED` : ""}`);
}

async function measure(query: BenchQuery, fixtures: Fixtures, target: ServerProcess, connections = settings.connections): Promise<Measurement> {
  if (!options["no-wait-quiet"]) await waitUntilQuiet();
  const request = {
    url: target.url,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: query.graphql, variables: query.variables(fixtures) }),
    connections,
  };
  if (settings.warmup > 0) await autocannon({ ...request, duration: settings.warmup });
  const cpuBefore = target.cpuMs();
  const result = await autocannon({ ...request, duration: settings.duration });
  const cpuMs = target.cpuMs() - cpuBefore;
  const ok = result.requests.total - result.non2xx - result.errors;
  return {
    requestsPerSecond: Math.round((ok / result.duration) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: Math.round(result.latency.average * 100) / 100,
    requests: result.requests.total,
    // Less sensitive to other load on the machine than throughput: the process's own CPU time.
    cpuMsPerRequest: Math.round((cpuMs / Math.max(1, result.requests.total)) * 100) / 100,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Waits (at most a minute) until the machine's CPUs have been mostly idle for two seconds, so
 * that other work on a shared machine (builds, test runs) skews a measurement less.
 */
async function waitUntilQuiet(): Promise<void> {
  const busyAndTotal = () => {
    const [, ...ticks] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    const idle = ticks[3] + ticks[4];
    const total = ticks.reduce((sum, n) => sum + n, 0);
    return { busy: total - idle, total };
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const before = busyAndTotal();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = busyAndTotal();
    if ((after.busy - before.busy) / Math.max(1, after.total - before.total) < 0.15) return;
  }
  log("  (the machine stayed busy; measuring anyway)");
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function machine(): Results["machine"] {
  const read = (command: string, args: string[]) => {
    try {
      return execFileSync(command, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return null;
    }
  };
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    // Other work on the machine skews the figures; the load at the start says how much there was.
    loadAverageAtStart: os.loadavg()[0],
    postgres: read("psql", ["--version"]),
    commit: read("git", ["rev-parse", "--short", "HEAD"]),
    uncommittedChanges: (read("git", ["status", "--porcelain"]) ?? "") !== "",
  };
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-").slice(0, 19);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
