// The benchmark's own databases on the PostgreSQL server: one per scale, created when missing,
// migrated with the project's migrate command, and filled with the generated data set unless
// they already hold it (a marker in the database's comment names the scale and generator).
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { clearDataSet, GENERATOR_VERSION, generateDataSet, loadDataSet } from "./generate";
import { ROOT } from "./processes";

export interface BenchDatabase {
  name: string;
  url: string;
  /** Whether this run generated the data (false: it was already there). */
  generated: boolean;
}

export function databaseName(scale: number): string {
  return scale === 1 ? "newsgraph_bench" : `newsgraph_bench_x${String(scale).replace(/\W/g, "_")}`;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function prepareBenchDatabase(
  serverUrl: string,
  scale: number,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  const name = databaseName(scale);
  const url = withDatabase(serverUrl, name);
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      log(`creating database ${name}`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await admin.end();
  }

  // The project's own migration command, as a deployment would run it.
  execFileSync(process.execPath, [path.join(ROOT, "dist", "src", "cli", "migrate.js")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: url, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });

  const marker = JSON.stringify({ scale, generator: GENERATOR_VERSION });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()",
    );
    if (rows[0]?.comment === marker) return { name, url, generated: false };
    log(`generating the data set at scale ${scale} into ${name}`);
    const started = Date.now();
    const tables = generateDataSet(scale);
    await client.query("BEGIN");
    await clearDataSet(client);
    await loadDataSet(client, tables, log);
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
    await client.query(`COMMENT ON DATABASE "${name}" IS '${marker}'`);
    log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { name, url, generated: true };
  } finally {
    await client.end();
  }
}
