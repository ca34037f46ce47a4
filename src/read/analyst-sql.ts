// Reads for analysts' questions, each one SQL statement: grouped counts, the timeline's pages of
// events of several kinds, and search's ranked pages over every kind. Built with the same
// statement writer as every read (read-sql.ts), rows read with their selection's plans.
import { models, relationField } from "../database/data-model";
import type { DatePrecision } from "../generated/prisma/client";
import type { ModelName } from "../database/rows";
import { and, compare, type Condition, equals, isNotNull, or } from "./condition";
import type { TypedRow } from "./read-model";
import type { ReadPlan } from "./read-plan";
import { type Compiled, ROOT, rowJsonOf, sqlText, Statement, type Tables } from "./read-sql";

/**
 * What rows are counted by: a column's value, a date column's month or year, or the rows reached
 * through relations (Prisma relation fields, to-one or to-many), by their key and label columns.
 */
export type Grouping =
  | { kind: "column"; field: string }
  | { kind: "period"; field: string; unit: "month" | "year" }
  | { kind: "related"; path: readonly string[]; key: string; label: string };

/** One group: its key (null for the rows in no group: undated, no host...), a label to show, and its count. */
export interface GroupCount {
  key: string | null;
  label: string | null;
  count: number;
}

/**
 * How many rows of `model` match `where`, in each group: periods in time order, other groups
 * largest first (then by label), the rows in no group last. A row reaching several groups through
 * a to-many relation (a meeting with delegations of two countries) counts once in each.
 */
export function compileGroupCounts(tables: Tables, model: ModelName, where: Condition, grouping: Grouping): Compiled {
  const statement = new Statement(tables);
  statement.alias(); // ROOT
  const condition = statement.condition(model, ROOT, where);
  let groups: string;
  if (grouping.kind === "related") {
    // The groups each row reaches, as a lateral subquery: none gives the one row of NULLs.
    let from = "";
    let link = "";
    let [at, alias] = [model, ROOT as string];
    for (const field of grouping.path) {
      const relation = relationField(at, field);
      const joined = statement.alias();
      const on =
        relation.keyOn === "self"
          ? `${joined}."id" = ${statement.column(at, alias, relation.foreignKey)}`
          : `${statement.column(relation.model, joined, relation.foreignKey)} = ${alias}."id"`;
      if (!from) [from, link] = [statement.from(relation.model, joined), on];
      else from += ` JOIN ${statement.from(relation.model, joined)} ON ${on}`;
      [at, alias] = [relation.model, joined];
    }
    const key = `${statement.column(at, alias, grouping.key)}::text`;
    const label = `${statement.column(at, alias, grouping.label)}::text`;
    const reached = `SELECT DISTINCT ${key} AS "key", ${label} AS "label" FROM ${from} WHERE ${link} AND ${key} IS NOT NULL`;
    groups = `SELECT k."key", k."label" FROM ${statement.from(model, ROOT)} LEFT JOIN LATERAL (${reached}) k ON TRUE WHERE ${condition}`;
  } else {
    const column = statement.column(model, ROOT, grouping.field);
    const key = grouping.kind === "period" ? `to_char(${column}, ${sqlText(grouping.unit === "month" ? "YYYY-MM" : "YYYY")})` : `${column}::text`;
    groups = `SELECT ${key} AS "key", ${key} AS "label" FROM ${statement.from(model, ROOT)} WHERE ${condition}`;
  }
  const order = grouping.kind === "period" ? `g."key" ASC NULLS LAST` : `g."key" IS NULL, g."count" DESC, g."label" ASC, g."key" ASC`;
  const sql =
    `SELECT coalesce(json_agg(json_build_object('key', g."key", 'label', g."label", 'count', g."count") ORDER BY ${order}), '[]'::json)::text AS "rows" ` +
    `FROM (SELECT "key", "label", count(*)::int AS "count" FROM (${groups}) r GROUP BY 1, 2) g`;
  return { sql, params: statement.params };
}

/** One kind of dated event: the rows of `model` whose `dateField` is set and that match `where`. */
export interface EventSource {
  /** Its place among the kinds of one day: events are ordered by date, then rank, then subject id. */
  rank: number;
  model: ModelName;
  /** The date column; `<dateField>Precision` says how precise it is. */
  dateField: string;
  where: Condition;
  /** What the event's subject (the row) is read with. */
  plan: ReadPlan;
}

/** An event as read: its date and how precise it is, its source's rank and its subject row (tagged with its type). */
export interface EventRow {
  date: Date;
  precision: DatePrecision;
  rank: number;
  subject: TypedRow;
}

/** An event's place in the timeline's order. */
export interface EventKey {
  date: Date;
  rank: number;
  id: string;
}

export interface EventPageArgs {
  sources: readonly EventSource[];
  after: EventKey | null;
  before: EventKey | null;
  /** A page from the end (`last`): read in reverse order, the caller turns it back. */
  backward: boolean;
  take: number;
  /** Count every matching event too. */
  total: boolean;
}

/** One kind of dated event to count: its name (a group's key when counted by kind), and its rows. */
export type CountedEvents = Pick<EventSource, "model" | "dateField" | "where"> & { kind: string };

/**
 * How many events of the given kinds fall in each group: by kind (largest first), or by the
 * month or year of their date (in time order). Each kind's rows are keyed, merged and counted
 * in one statement.
 */
export function compileEventCounts(tables: Tables, sources: readonly CountedEvents[], by: "kind" | "month" | "year"): Compiled {
  const statement = new Statement(tables);
  const branches = sources.map((source) => {
    const inner = new Statement(tables, statement.params);
    inner.alias(); // ROOT
    const date = inner.column(source.model, ROOT, source.dateField);
    const key = by === "kind" ? sqlText(source.kind) : `to_char(${date}, ${sqlText(by === "month" ? "YYYY-MM" : "YYYY")})`;
    const where = inner.condition(source.model, ROOT, and(isNotNull(source.dateField), source.where));
    return `SELECT ${key} AS "key" FROM ${inner.from(source.model, ROOT)} WHERE ${where}`;
  });
  const order = by === "kind" ? `g."count" DESC, g."key" COLLATE "C" ASC` : `g."key" ASC`;
  const sql =
    `SELECT coalesce(json_agg(json_build_object('key', g."key", 'label', g."key", 'count', g."count") ORDER BY ${order}), '[]'::json)::text AS "rows" ` +
    `FROM (SELECT "key", count(*)::int AS "count" FROM (${branches.map((branch) => `(${branch})`).join(" UNION ALL ")}) r GROUP BY 1) g`;
  return { sql, params: statement.params };
}

/** The event rows of one statement: each source's rows, by date, rank and id, merged and limited once more. */
export function compileEventPage(tables: Tables, args: EventPageArgs): Compiled {
  const statement = new Statement(tables);
  const direction = args.backward ? "DESC" : "ASC";
  const take = statement.param(args.take);
  const branches = args.sources.map((source) => {
    const inner = new Statement(tables, statement.params);
    inner.alias(); // ROOT
    const bounds = [
      args.after && beyondEvent(source, args.after, "after"),
      args.before && beyondEvent(source, args.before, "before"),
    ].filter((bound) => bound !== null);
    const date = inner.column(source.model, ROOT, source.dateField);
    const precision = inner.column(source.model, ROOT, `${source.dateField}Precision`);
    const where = inner.condition(source.model, ROOT, and(isNotNull(source.dateField), source.where, ...bounds));
    return (
      `SELECT ${date} AS "date", ${precision} AS "precision", ${source.rank} AS "rank", ${ROOT}."id" AS "id", ${rowJsonOf(tables, source.plan)} AS "subject" ` +
      `FROM (SELECT * FROM ${inner.from(source.model, ROOT)} WHERE ${where} ORDER BY ${date} ${direction}, ${ROOT}."id" ${direction} LIMIT ${take}) ${ROOT}`
    );
  });
  const order = (alias: string) => `${alias}."date" ${direction}, ${alias}."rank" ${direction}, ${alias}."id" ${direction}`;
  const rows = `coalesce(json_agg(json_build_object('date', e."date", 'precision', e."precision", 'rank', e."rank", 'subject', e."subject") ORDER BY ${order("e")}), '[]'::json)`;
  let total = "NULL";
  if (args.total && args.sources.length) {
    total = args.sources
      .map((source) => {
        const inner = new Statement(tables, statement.params);
        inner.alias(); // ROOT
        const where = inner.condition(source.model, ROOT, and(isNotNull(source.dateField), source.where));
        return `(SELECT count(*) FROM ${inner.from(source.model, ROOT)} WHERE ${where})`;
      })
      .join(" + ");
  }
  const sql =
    `SELECT json_build_object('rows', ${rows}, 'total', ${total})::text AS "rows" ` +
    `FROM (SELECT * FROM (${branches.map((branch) => `(${branch})`).join(" UNION ALL ")}) u ORDER BY ${order("u")} LIMIT ${take}) e`;
  return { sql, params: statement.params };
}

/** Events of `source` strictly after (or before) `key`, in ascending order: (date, rank, id) compared as a row. */
function beyondEvent(source: EventSource, key: EventKey, side: "after" | "before"): Condition {
  const beyond = side === "after" ? ">" : "<";
  const { dateField } = source;
  if (source.rank === key.rank) {
    return or(compare(dateField, beyond, key.date), and(equals(dateField, key.date), compare("id", beyond, key.id)));
  }
  // Another kind of event on the key's day is beyond it when its rank is.
  const sameDayBeyond = side === "after" ? source.rank > key.rank : source.rank < key.rank;
  if (!sameDayBeyond) return compare(dateField, beyond, key.date);
  return compare(dateField, side === "after" ? ">=" : "<=", key.date);
}

/** One kind of search result: the rows of `model` whose search document matches. */
export interface SearchSource {
  /** Breaks ties between kinds (results are ordered by score, then rank, then id). */
  rank: number;
  model: ModelName;
  /** The columns (Prisma fields) the highlight is cut from: those its search document is made of. */
  shown: readonly string[];
  plan: ReadPlan;
}

export interface SearchPageArgs {
  sources: readonly SearchSource[];
  /** The search text, normalized as the documents are (lower case, no accents). */
  text: string;
  offset: number;
  take: number;
  total: boolean;
}

/** A search result as read: its score, its source's rank, a highlight and the row (tagged with its type). */
export interface SearchRow {
  score: number;
  rank: number;
  highlight: string | null;
  subject: TypedRow;
}

/**
 * Below this trigram word similarity a document is not taken for a misspelling of the text:
 * "nakoura" is 0.45 from "naqoura", "netanyahou" 0.73 from "netanyahu"; unrelated words are near 0.
 */
const MISSPELLING_SIMILARITY = 0.45;
/** ts_headline's options: fragments around the matches, marked with <mark> (the text is HTML-escaped first). */
const HEADLINE_OPTIONS = sqlText(`StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`);

/**
 * A page of search results over several kinds, in one statement: each kind's matches (full text
 * search on the English tsvector of the search document, or a close trigram word similarity)
 * with a score, merged, ordered by score (then kind and natural key), paged by offset; then, for the page's rows only, the
 * row read with what the query selects and a highlight cut from its shown columns.
 */
export function compileSearchPage(tables: Tables, args: SearchPageArgs): Compiled {
  const statement = new Statement(tables);
  const text = statement.param(args.text);
  const query = `websearch_to_tsquery('english', ${text})`;
  const matches = args.sources
    .map((source) => {
      const document = statement.column(source.model, ROOT, "searchDocument");
      const vector = `to_tsvector('english', ${document})`;
      const similarity = `word_similarity(${text}, ${document})`;
      // Rows holding every word (full text match) rank above those only like it (a misspelling).
      const score = `round(((${vector} @@ ${query})::int + ts_rank_cd(${vector}, ${query}) + ${similarity})::numeric, 4)::float8`;
      // Equal scores are ordered by kind, then by natural key (a slug, a code): the same order on every database.
      const key = statement.column(source.model, ROOT, models[source.model].naturalKey ?? "id");
      return (
        `(SELECT ${score} AS "score", ${source.rank} AS "rank", ${key}::text AS "key", ${ROOT}."id" AS "id" ` +
        `FROM ${statement.from(source.model, ROOT)} WHERE ${vector} @@ ${query} OR ${similarity} >= ${MISSPELLING_SIMILARITY})`
      );
    })
    .join(" UNION ALL ");
  const perKind = (value: (source: SearchSource) => string) =>
    `CASE e."rank" ${args.sources.map((source) => `WHEN ${source.rank} THEN (SELECT ${value(source)} FROM ${statement.from(source.model, ROOT)} WHERE ${ROOT}."id" = e."id")`).join(" ")} END`;
  const shownText = (source: SearchSource) => {
    const columns = source.shown.map((field) => {
      const column = statement.column(source.model, ROOT, field);
      return models[source.model].columns[field].list ? `nullif(array_to_string(${column}, ', '), '')` : column;
    });
    return `replace(replace(replace(concat_ws(' — ', ${columns.join(", ")}), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
  };
  const result =
    `json_build_object('score', e."score", 'rank', e."rank", ` +
    `'highlight', ${perKind((source) => `ts_headline('english', ${shownText(source)}, ${query}, ${HEADLINE_OPTIONS})`)}, ` +
    `'subject', ${perKind((source) => rowJsonOf(tables, source.plan))})`;
  const total = args.total ? `(SELECT count(*) FROM (${matches}) c)` : "NULL";
  const order = (alias: string) => `${alias}."score" DESC, ${alias}."rank" ASC, ${alias}."key" COLLATE "C" ASC, ${alias}."id" ASC`;
  const sql =
    `SELECT json_build_object('rows', coalesce(json_agg(${result} ORDER BY ${order("e")}), '[]'::json), 'total', ${total})::text AS "rows" ` +
    `FROM (SELECT * FROM (${matches}) u ORDER BY ${order("u")} OFFSET ${statement.param(args.offset)} LIMIT ${statement.param(args.take)}) e`;
  return { sql, params: statement.params };
}
