// The SQL each operation sends, as a committed text file per operation (test/__sql__), so that a
// change in generated SQL shows in review. The file is compared whole; see docs/development.md
// for updating them.
import fs from "node:fs";
import path from "node:path";
import { PREPARED_STATEMENT_MARKER } from "../../src/observability/statement-counter";

export const SQL_SNAPSHOT_DIR = path.join(__dirname, "..", "__sql__");

/** "A person's meetings" → "a-person-s-meetings". */
export function kebabCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * A snapshot file's text: each statement under a `-- statement N` header. Statement 1 is the first
 * the request ran (nothing has come back from the database yet, so it is always the same one); the
 * others are in text order, because concurrent loads reach the database in an order that varies
 * from run to run and between PGlite (one connection) and PostgreSQL (a pool).
 */
export function sqlSnapshotText(texts: readonly string[]): string {
  const [first, ...others] = texts.map((sql) => formatSql(stripMarker(sql)));
  const statements = first === undefined ? [] : [first, ...others.sort()];
  return statements.map((sql, i) => `-- statement ${i + 1}\n${sql}\n`).join("\n");
}

/** The marker only says the statement is prepared per connection (read-sql.ts), not what it does. */
function stripMarker(sql: string): string {
  return sql.startsWith(PREPARED_STATEMENT_MARKER) ? sql.slice(PREPARED_STATEMENT_MARKER.length) : sql;
}

// A line break before each of these clauses, indented by parenthesis depth: one clause per line
// is enough to review; this is no SQL pretty-printer.
const CLAUSE = /^(SELECT|FROM|WHERE|LEFT JOIN LATERAL|LEFT JOIN|INNER JOIN|JOIN|GROUP BY|ORDER BY|LIMIT|OFFSET|UNION ALL|UNION)\b/;

/** Breaks `sql` into lines at clauses outside quotes; the text is otherwise unchanged (but for the breaks' spaces). */
export function formatSql(sql: string): string {
  let out = "";
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const char = sql[i];
    if (char === "'" || char === '"') {
      // A quoted string or identifier, doubled quotes included, copied as it is.
      let end = i + 1;
      while (end < sql.length && !(sql[end] === char && sql[end + 1] !== char)) end += sql[end] === char ? 2 : 1;
      out += sql.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (char === "(") depth += 1;
    if (char === ")") depth = Math.max(0, depth - 1);
    const atWord = i === 0 || !/[A-Za-z0-9_$]/.test(sql[i - 1]);
    const clause = atWord ? CLAUSE.exec(sql.slice(i, i + 20)) : null;
    if (clause) {
      // The whole clause at once, so that the JOIN of LEFT JOIN does not break again.
      if (out.length > 0) out = out.trimEnd() + "\n" + "  ".repeat(depth);
      out += clause[0];
      i += clause[0].length;
      continue;
    }
    out += char;
    i += 1;
  }
  return out;
}

/**
 * Compares the SQL snapshot `name` with `actual` (jest shows the diff), or writes it: always with
 * UPDATE_SQL_SNAPSHOTS=1 or `jest -u`, and when missing outside CI (`--ci` refuses, as jest does).
 */
export function expectSqlSnapshot(name: string, actual: string): void {
  const file = path.join(SQL_SNAPSHOT_DIR, `${name}.sql`);
  const exists = fs.existsSync(file);
  if (updating() || (!exists && !isCi())) {
    fs.mkdirSync(SQL_SNAPSHOT_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!exists) {
    throw new Error(
      `SQL snapshot ${path.relative(process.cwd(), file)} is missing, and CI does not write it: ` +
        "run `UPDATE_SQL_SNAPSHOTS=1 npm run test:jest -- test/sql-plans.test.ts` and commit the file",
    );
  }
  expect(actual).toBe(fs.readFileSync(file, "utf8"));
}

function updating(): boolean {
  return process.env.UPDATE_SQL_SNAPSHOTS === "1" || jestUpdateSnapshot() === "all";
}

/** CI=true, or jest's `--ci` (which writes no missing snapshot: updateSnapshot "none"). */
function isCi(): boolean {
  return process.env.CI === "true" || jestUpdateSnapshot() === "none";
}

/** jest's updateSnapshot setting ("all" under `-u`), from a field of its snapshot state it does not document. */
function jestUpdateSnapshot(): string | undefined {
  return (expect.getState().snapshotState as { _updateSnapshot?: string } | undefined)?._updateSnapshot;
}
