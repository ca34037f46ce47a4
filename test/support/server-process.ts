// Runs the built server (`dist/src/main.js`, the script `npm start` runs) as a child process and reads
// its JSON log lines: for tests of what only a whole process shows (signals, several replicas).
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const MAIN = path.join(__dirname, "..", "..", "dist", "src", "main.js");

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Every JSON line logged so far. */
  logs: LogLine[];
  /** Resolves with the first log line (already logged or to come) that matches; rejects after `timeoutMs`. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Kills the process if it still runs (SIGKILL) and waits for it. */
  kill(): Promise<void>;
}

/**
 * Starts the server on an ephemeral port with `env` on top of PATH and HOME; resolves once it is
 * ready. `viaNpm` starts it as the README does, with `npm start` (the child is then npm).
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
  options: { viaNpm?: boolean } = {},
): Promise<ServerProcess> {
  const [command, args] = options.viaNpm ? ["npm", ["start", "--silent"]] : [process.execPath, [MAIN]];
  const child = spawn(command, args, {
    cwd: path.join(__dirname, "..", ".."),
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  let stderr = "";
  let buffered = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const text of lines) {
      if (!text.startsWith("{")) continue;
      const line = JSON.parse(text) as LogLine;
      logs.push(line);
      for (const waiter of waiters) if (waiter.match(line)) waiter.resolve(line);
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );

  const waitForLog = (match: (line: LogLine) => boolean, waitMs = timeoutMs) => {
    const seen = logs.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      const waiter = {
        match,
        resolve: (line: LogLine) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`no matching log line within ${waitMs} ms; stderr: ${stderr}; logs: ${JSON.stringify(logs)}`));
      }, waitMs);
      waiters.add(waiter);
      void exited.then(() => {
        if (!waiters.has(waiter)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        reject(new Error(`the server exited; stderr: ${stderr}`));
      });
    });
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };

  try {
    const ready = await waitForLog((line) => line.msg === "newsgraph ready");
    return { child, url: `http://127.0.0.1:${ready.port as number}`, logs, waitForLog, exited, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}
