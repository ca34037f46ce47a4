// Child processes of the benchmark: the newsgraph server as production runs it (`npm start`'s
// `node <flags> dist/src/main.js`) and the reference server, each on its own loopback port, plus what
// the bench reads from them (answers over HTTP, peak memory from /proc).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** Peak resident set size so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** Resident set size now (VmRSS), in MB. */
  rssMb(): number;
  /** CPU time the process has used so far (user + system), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** A free port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The node flags `npm start` runs the server with (package.json's start script), so that the
 * bench and the soak run measure the process production runs.
 */
export function startNodeFlags(): string[] {
  const start = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  // `exec` lets npm's signals reach node itself (package.json); it is not a node flag.
  const words = start.trim().split(/\s+/).filter((word, index) => !(index === 0 && word === "exec"));
  if (words[0] !== "node" || words.at(-1) !== "dist/src/main.js") throw new Error(`unexpected start script: ${start}`);
  return words.slice(1, -1);
}

/**
 * node's arguments for the built server: `npm start`'s flags, then `extra` (which win), on the
 * command line rather than in NODE_OPTIONS, which refuses most V8 flags (--liftoff-only among them).
 */
export function serverArgs(extra: string[] = []): string[] {
  return [...startNodeFlags(), ...extra, path.join(ROOT, "dist", "src", "main.js")];
}

export interface StartOptions {
  databaseUrl: string;
  /** Write a V8 CPU profile of the newsgraph server into this directory when it stops. */
  cpuProfileDir?: string;
  /** Node flags for the newsgraph server (e.g. V8 heap flags), to try settings; they come after, so win over, `npm start`'s. */
  nodeOptions?: string;
  /** Turns the server's tracing on, exporting to this OTLP/HTTP endpoint (bench/otlp-sink.ts). */
  otlpEndpoint?: string;
}

/** The newsgraph server, built for production, against `databaseUrl`. */
export async function startNewsgraph({ databaseUrl, cpuProfileDir, nodeOptions, otlpEndpoint }: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const args = cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const extra = [...(nodeOptions?.split(/\s+/).filter(Boolean) ?? []), ...args];
  return startProcess("newsgraph", serverArgs(extra), port, {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    MIGRATE_ON_START: "false",
    SEED_ON_EMPTY: "false",
    PLAYGROUND_ENABLED: "false",
    // One log line per request would measure the logger; warnings and errors still show.
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    ...(otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint } : {}),
  });
}

/**
 * The newsgraph server as the quick start runs it (`npm start`, production settings otherwise):
 * on the embedded database in `dataDir`, migrated and seeded on its first start.
 */
export async function startNewsgraphEmbedded(dataDir: string): Promise<ServerProcess> {
  const port = await freePort();
  return startProcess("newsgraph", serverArgs(), port, {
    EMBEDDED_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
  });
}

/** The reference server (bench/reference-server.ts) against `databaseUrl`. */
export async function startReference({ databaseUrl }: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  return startProcess("reference", [path.join(ROOT, "dist", "bench", "reference-server.js")], port, {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    DATABASE_POOL_SIZE: "10",
  });
}

export async function startProcess(name: string, args: string[], port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitUntilAnswering(url, child, () => output, name);
  return {
    name,
    url,
    pid: child.pid!,
    peakRssMb: () => readStatusMb(child.pid!, "VmHWM"),
    rssMb: () => readStatusMb(child.pid!, "VmRSS"),
    cpuMs: () => readCpuMs(child.pid!),
    stop: () => stopProcess(child),
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before answering:\n${output()}`);
    try {
      // Any HTTP answer means it listens (the reference answers 404 to an unknown query).
      await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{__typename}"}' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`${name} did not answer within 60 s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A memory figure of /proc/<pid>/status: VmRSS (resident now) or VmHWM (the peak, "high water mark"). */
function readStatusMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms on Linux). */
function readCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface GraphQLAnswer {
  data?: unknown;
  errors?: unknown[];
}

export async function postGraphQL(url: string, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as GraphQLAnswer;
}
