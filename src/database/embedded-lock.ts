// One process per embedded data directory. PGlite runs PostgreSQL inside the process that opens
// the directory, with no shared memory or postmaster between processes: a second process that
// opens the same directory sees nothing of the first one's writes and can corrupt the files. So
// whoever opens it (the server, or import / db:seed / db:migrate) first takes this lock: a file
// beside the directory (`<dir>.lock`, not inside, where PGlite's initdb expects an empty
// directory) saying who holds it.
//
// The file is created complete and atomically (written aside, then hard-linked into place:
// link fails if the name exists). It is removed on close and on exit. A process killed without
// cleanup (SIGKILL, a crash, a container stopped hard) leaves it behind: it is stale when its
// process no longer exists, or when its PID now belongs to a process started at another time
// (PIDs are reused, and a restarted container's server is often the same PID as before), and
// the next process takes it over.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Who holds a data directory. */
export interface LockHolder {
  pid: number;
  /** When the holding process started (ISO 8601), to tell it from a later process with its PID. */
  processStartedAt: string;
  /** `server`, or the command: `import`, `db:seed`, `db:migrate`... */
  command: string;
  /** The server's GraphQL URL, once it listens. */
  url?: string;
  /** Unique per lock taken: release removes only its own file. */
  token: string;
}

export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`the embedded database in ${dataDir} is in use by process ${holder.pid} (${describeHolder(holder)})`);
  }
}

export function describeHolder(holder: LockHolder): string {
  const what = holder.command === "server" ? `newsgraph server${holder.url ? ` on ${holder.url}` : ""}` : `newsgraph ${holder.command}`;
  return holder.pid === process.pid ? `${what}, this very process` : `${what}, started ${holder.processStartedAt}`;
}

export interface DataDirLock {
  path: string;
  /** Adds to what the lock says about its holder (the server's URL once it listens). */
  update(details: { url: string }): void;
  release(): void;
}

/** Locks held by this process, by lock file path: released at exit if not before. */
const held = new Map<string, LockHolder>();
let exitHookInstalled = false;

/** How far apart two readings of one process's start time may be (clock steps, rounding). */
const START_TIME_TOLERANCE_MS = 5_000;
/** A takeover guard older than this was left by a process that died while taking over. */
const TAKEOVER_GUARD_STALE_MS = 10_000;

/** Takes the lock of `dataDir`, or throws DatabaseInUseError naming its holder. */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  const directory = path.resolve(dataDir);
  const lockPath = `${directory}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const holder: LockHolder = { pid: process.pid, processStartedAt: processStartedAt(), command, token: randomUUID() };

  for (let attempt = 0; attempt < 5; attempt++) {
    if (createAtomically(lockPath, holder)) {
      held.set(lockPath, holder);
      installExitHook();
      return {
        path: lockPath,
        update(details) {
          if (held.get(lockPath)?.token !== holder.token) return;
          Object.assign(holder, details);
          const aside = `${lockPath}.${process.pid}.${randomUUID()}`;
          fs.writeFileSync(aside, `${JSON.stringify(holder)}\n`);
          fs.renameSync(aside, lockPath); // atomic replacement: readers see the old or the new
        },
        release: () => release(lockPath, holder.token),
      };
    }
    const seen = readLock(lockPath);
    if (seen === "gone") continue; // released between our attempt and the read
    if (seen.holder && isAlive(seen.holder, lockPath)) throw new DatabaseInUseError(directory, seen.holder);
    removeStale(lockPath, seen.raw);
  }
  // Only reachable when others keep taking and dropping the lock as fast as we look at it.
  throw new Error(`could not take ${lockPath}: other processes keep taking it`);
}

function createAtomically(lockPath: string, holder: LockHolder): boolean {
  const aside = `${lockPath}.${process.pid}.${randomUUID()}`;
  fs.writeFileSync(aside, `${JSON.stringify(holder)}\n`, { flag: "wx" });
  try {
    fs.linkSync(aside, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function readLock(lockPath: string): { raw: string; holder: LockHolder | null } | "gone" {
  let raw: string;
  try {
    raw = fs.readFileSync(lockPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
  try {
    const holder = JSON.parse(raw) as LockHolder;
    return { raw, holder: Number.isInteger(holder.pid) && holder.pid > 0 ? holder : null };
  } catch {
    return { raw, holder: null }; // not a lock we wrote: nobody can be holding it through us
  }
}

function isAlive(holder: LockHolder, lockPath: string): boolean {
  // Our own PID: either we hold it (a second open in this process) or it is a previous life's.
  if (holder.pid === process.pid) return held.get(lockPath)?.token === holder.token;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, another user's
  }
  const startedAt = startTimeOf(holder.pid);
  return startedAt === null || Math.abs(startedAt - Date.parse(holder.processStartedAt)) <= START_TIME_TOLERANCE_MS;
}

/** Removes a stale lock unless it changed since it was read (another process took it over first). */
function removeStale(lockPath: string, staleRaw: string): void {
  const guard = `${lockPath}.takeover`;
  try {
    fs.mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const age = Date.now() - (fs.statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > TAKEOVER_GUARD_STALE_MS) fs.rmSync(guard, { recursive: true, force: true });
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // another process is at it
    return;
  }
  try {
    const now = readLock(lockPath);
    if (now !== "gone" && now.raw === staleRaw) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.rmSync(guard, { recursive: true, force: true });
  }
}

function release(lockPath: string, token: string): void {
  if (held.get(lockPath)?.token !== token) return;
  held.delete(lockPath);
  const now = readLock(lockPath);
  if (now !== "gone" && now.holder?.token === token) fs.rmSync(lockPath, { force: true });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // "exit" handlers must be synchronous: everything here is.
  process.on("exit", () => {
    for (const [lockPath, holder] of [...held]) release(lockPath, holder.token);
  });
}

/** This process's start, from the kernel when it tells (so that it matches startTimeOf), else from uptime. */
function processStartedAt(): string {
  return new Date(startTimeOf(process.pid) ?? Date.now() - process.uptime() * 1000).toISOString();
}

/** When process `pid` started (ms since the epoch), from Linux's /proc; null where that is not available. */
function startTimeOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime, in clock ticks since boot) counts from after the command name, which may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]);
    const bootTime = Number(/^btime (\d+)$/m.exec(fs.readFileSync("/proc/stat", "utf8"))?.[1]);
    // USER_HZ, the unit of starttime, is 100 on every Linux architecture newsgraph runs on.
    return Number.isFinite(ticks) && Number.isFinite(bootTime) ? bootTime * 1000 + (ticks / 100) * 1000 : null;
  } catch {
    return null;
  }
}
