// What a SQL statement does, for its trace span: the operation and the table it reads or
// writes ("SELECT meeting"), taken from the statement's text without any of its values. Values
// are `$n` parameters in every statement the server sends (Prisma's and the compiled reads), and
// only a keyword and an identifier are ever returned here, so a span cannot carry a literal.

export interface StatementSummary {
  /** The statement's first keyword, upper-cased: SELECT, INSERT, UPDATE, DELETE, BEGIN... */
  operation: string;
  /** The table of its outermost FROM / INTO / UPDATE, without schema or quotes; undefined when none. */
  table?: string;
}

const IDENTIFIER = /^(?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*))/;
const TABLE_KEYWORDS: Record<string, string> = { SELECT: "FROM", DELETE: "FROM", INSERT: "INTO", UPDATE: "UPDATE" };

export function summarizeStatement(sql: string): StatementSummary {
  const text = skipSpaceAndComments(sql, 0);
  const operation = /^[A-Za-z]+/.exec(sql.slice(text))?.[0].toUpperCase() ?? "SQL";
  const keyword = TABLE_KEYWORDS[operation];
  const table = keyword ? tableAfter(sql, text, keyword) : undefined;
  return table === undefined ? { operation } : { operation, table };
}

/** `summary.operation summary.table` (or the operation alone): the span's name. */
export function summaryName(summary: StatementSummary): string {
  return summary.table === undefined ? summary.operation : `${summary.operation} ${summary.table}`;
}

/**
 * The table named after the first `keyword` outside parentheses, quotes and comments, from
 * `start`. A subquery there (`FROM (SELECT ... FROM "meeting" t0) rows`) is followed inward:
 * the compiled reads wrap their table in one.
 */
function tableAfter(sql: string, start: number, keyword: string): string | undefined {
  let depth = 0;
  for (let i = start; i < sql.length; ) {
    const char = sql[i];
    if (char === "'" || char === '"') {
      i = closingQuote(sql, i);
    } else if (char === "-" && sql[i + 1] === "-") {
      i = sql.indexOf("\n", i) < 0 ? sql.length : sql.indexOf("\n", i);
    } else if (char === "/" && sql[i + 1] === "*") {
      i = sql.indexOf("*/", i) < 0 ? sql.length : sql.indexOf("*/", i) + 2;
    } else if (char === "(") {
      depth += 1;
      i += 1;
    } else if (char === ")") {
      depth -= 1;
      i += 1;
    } else if (depth === 0 && isKeywordAt(sql, i, keyword)) {
      const next = skipSpaceAndComments(sql, i + keyword.length);
      if (sql[next] === "(") return tableAfter(sql, skipSpaceAndComments(sql, next + 1), "FROM");
      return qualifiedName(sql, next);
    } else {
      i += 1;
    }
  }
  return undefined;
}

/** The last part of a possibly schema-qualified name at `at` (`"public"."meeting"` → meeting). */
function qualifiedName(sql: string, at: number): string | undefined {
  let name: string | undefined;
  let i = at;
  for (;;) {
    const match = IDENTIFIER.exec(sql.slice(i, i + 200));
    if (!match) return name;
    name = match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2];
    i += match[0].length;
    if (sql[i] !== ".") return name;
    i += 1;
  }
}

function isKeywordAt(sql: string, i: number, keyword: string): boolean {
  return (
    sql.slice(i, i + keyword.length).toUpperCase() === keyword &&
    !/[A-Za-z0-9_$."]/.test(sql[i - 1] ?? " ") &&
    !/[A-Za-z0-9_$]/.test(sql[i + keyword.length] ?? " ")
  );
}

function closingQuote(sql: string, open: number): number {
  const quote = sql[open];
  let i = open + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

function skipSpaceAndComments(sql: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i])) i += 1;
    if (sql.startsWith("/*", i)) i = sql.indexOf("*/", i) < 0 ? sql.length : sql.indexOf("*/", i) + 2;
    else if (sql.startsWith("--", i)) i = sql.indexOf("\n", i) < 0 ? sql.length : sql.indexOf("\n", i) + 1;
    else return i;
  }
}
