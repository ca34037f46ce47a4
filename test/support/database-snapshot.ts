// What a database holds, table by table: its row count and a hash of its rows, to show that a
// run of requests changed nothing.
import type { Database } from "../../src/database/database";

export type TableSnapshot = Record<string, { rows: number; md5: string }>;

export async function snapshotTables(database: Database): Promise<TableSnapshot> {
  return database.withSession(async (session) => {
    const tables = await session.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
    );
    const snapshot: TableSnapshot = {};
    for (const { name } of tables) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      const [row] = await session.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM ${quoted} t`,
      );
      snapshot[name] = row;
    }
    return snapshot;
  });
}
