// Health endpoints for orchestrators and load balancers:
//   GET /health/live  — the process is up and serving HTTP (restart it if this fails);
//   GET /health/ready — it can serve requests now: not shutting down, the database (and each read
//                       replica) answers, and every migration in prisma/migrations is applied.
// Readiness answers 200 {"status":"ready"} or 503 {"status":"unavailable","reason":...}.
import express, { type Router } from "express";
import { paths } from "../config";
import type { Database } from "../database/database";
import { readMigrations } from "../database/migrator";
import type { DatabaseAvailability } from "../observability/database-availability";

/** Upper bound on one readiness check (the database layer has its own, usually shorter, timeouts). */
const READINESS_TIMEOUT_MS = 10_000;

export interface HealthOptions {
  database: Database;
  availability: DatabaseAvailability;
  /** True once the server has begun to shut down. */
  isStopping(): boolean;
}

export function healthRouter(options: HealthOptions): Router {
  const router = express.Router();
  const readiness = readinessCheck(options);
  router.get("/health/live", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "live" });
  });
  router.get("/health/ready", async (_req, res) => {
    const reason = await readiness();
    res.set("Cache-Control", "no-store");
    if (reason === null) res.json({ status: "ready" });
    else res.status(503).json({ status: "unavailable", reason });
  });
  return router;
}

/** Returns null when ready, else why not. */
function readinessCheck({ database, availability, isStopping }: HealthOptions): () => Promise<string | null> {
  const expected = readMigrations(paths.migrations).map((migration) => migration.name);
  // Once every known migration is applied it stays so: later probes only check reachability.
  let migrationsApplied = false;
  return async () => {
    if (isStopping()) return "shutting down";
    try {
      await withTimeout(database.ping(), READINESS_TIMEOUT_MS);
      if (!migrationsApplied) {
        const pending = await withTimeout(pendingMigrations(database, expected), READINESS_TIMEOUT_MS);
        if (pending.length > 0) return `migrations not applied: ${pending.join(", ")}`;
        migrationsApplied = true;
      }
    } catch (error) {
      availability.failed(error instanceof Error ? error.message : String(error));
      return "database unreachable";
    }
    availability.succeeded();
    return null;
  };
}

async function pendingMigrations(database: Database, expected: string[]): Promise<string[]> {
  const applied = await database.withSession(async (session) => {
    const [{ present }] = await session.query<{ present: boolean }>(
      `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
    );
    if (!present) return [];
    return session.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
  });
  const names = new Set(applied.map((row) => row.migration_name));
  return expected.filter((name) => !names.has(name));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
