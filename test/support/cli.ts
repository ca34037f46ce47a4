// Runs the built command-line entry points (npm test builds them first) as a user would.
import { spawn } from "node:child_process";
import path from "node:path";

const DIST = path.join(__dirname, "..", "..", "dist", "src");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `dist/src/<entry>.js` with only the given variables on top of PATH and HOME. */
export function runEntry(entry: string, env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  return runEntryWithArgs(entry, [], env, timeoutMs);
}

export function runEntryWithArgs(
  entry: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(DIST, `${entry}.js`), ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
