// Compiles a read plan (read-plan.ts) into one SQL statement in which PostgreSQL builds the rows
// and every relation read ahead as JSON, and turns the answer back into rows shaped like
// Prisma's (the same field names, dates as Date objects), with the relations kept under
// `@<field>` for the resolvers. Identifiers come only from Prisma's own model mapping; every
// value is a `$n` parameter. Why: through Prisma's model API each relation level costs a
// statement and Prisma's per-row result processing dominated the server's CPU profile.
import type { TextRead } from "../database/database";
import type { ModelName, OrderBy, Rows } from "../database/rows";
import { and, type ArticleNamed, compare, type Condition, equals, isNotNull, or, PARENT_ID } from "./condition";
import { PREPARED_STATEMENT_MARKER } from "../observability/statement-counter";
import type { PrismaClient } from "../generated/prisma/client";
import { type ModelInfo, models, type RelationInfo, relationField } from "../database/data-model";
import { prefetchedKey, type ReadTypeName, readModel, type ToMany, type ToVariants, type TypedRow, typeKey } from "./read-model";
import type { ReadPlan, RelationPlan, RelationRead } from "./read-plan";

interface Column {
  /** The column's name in the database. */
  name: string;
  /** Prisma returns DateTime columns as Date objects; the JSON carries them as strings. */
  isDate: boolean;
}

interface Table {
  name: string;
  /** By Prisma field name: every column, for conditions and orders. */
  columns: Map<string, Column>;
  /** The columns a selection may read (not the internal ones). */
  readable: ReadonlySet<string>;
}

/** Columns clients never see and resolvers never read: not worth building into JSON (filters use them). */
const INTERNAL_COLUMNS = new Set(["searchText", "searchDocument"]);

/** The tables of the Prisma models, from the generated data model (so @map names are honoured). */
export class Tables {
  private static instance?: Tables;
  private readonly tables = new Map<ModelName, Table>();

  static get(): Tables {
    Tables.instance ??= new Tables();
    return Tables.instance;
  }

  private constructor() {
    for (const [model, info] of Object.entries(models) as [ModelName, ModelInfo][]) {
      const columns = new Map<string, Column>();
      for (const [field, column] of Object.entries(info.columns)) {
        columns.set(field, { name: column.column, isDate: column.type === "DateTime" });
      }
      const readable = new Set([...columns.keys()].filter((field) => !INTERNAL_COLUMNS.has(field)));
      this.tables.set(model, { name: info.table, columns, readable });
    }
  }

  table(model: ModelName): Table {
    const table = this.tables.get(model);
    if (!table) throw new Error(`no table for model ${model}`);
    return table;
  }

  columnsOf = (model: ModelName): ReadonlySet<string> => this.table(model).readable;
}

/** A plan, filter or order the compiler does not handle: the caller reads the usual way instead. */
export class NotCompilable extends Error {}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The to-one relations an ORDER BY joined, by `<alias>.<relation>`: their alias and JOIN clause. */
type Joins = Map<string, { alias: string; sql: string }>;

/** Where a condition is compiled: in a relation's (the parent's id, values written inline), or a list's filter. */
interface Scope {
  parentId?: string;
  inline?: boolean;
}

/** How a row's JSON is built (Statement.rowJson). */
interface RowJsonOptions {
  /** The to-one relations an ORDER BY joined, built from those rows. */
  joins?: Joins;
  /** Tag the row with its GraphQL type (a list of several types). */
  typed?: boolean;
  /** Relations a subquery already built, read from its column of the same key. */
  built?: ReadonlySet<string>;
}

/** A text literal, for values written in code (never a client's). */
const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** One statement being written: its parameters and table aliases. */
class Statement {
  private aliases = 0;

  /** `params`: another statement's, for a part with aliases of its own (a branch of a UNION). */
  constructor(
    readonly tables: Tables,
    readonly params: unknown[] = [],
  ) {}

  alias(): string {
    return `t${this.aliases++}`;
  }

  param(value: unknown): string {
    this.params.push(value instanceof Date ? value.toISOString() : value);
    return `$${this.params.length}`;
  }

  /**
   * A value in a condition: the parent's id, a literal in a relation's condition (written in
   * code, and kept in the statement text so that it is the same for every request), else a parameter.
   */
  private value(value: unknown, scope: Scope): string {
    if (value === PARENT_ID) {
      if (!scope.parentId) throw new Error("PARENT_ID outside a relation's condition");
      return scope.parentId;
    }
    if (!scope.inline) return this.param(value);
    if (typeof value === "string") return sqlText(value);
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw new Error(`cannot write ${typeof value} into a relation's condition`);
  }

  column(model: ModelName, alias: string, field: string): string {
    const column = this.tables.table(model).columns.get(field);
    if (!column) throw new NotCompilable(`${model}.${field} is not a column`);
    return `${alias}.${quote(column.name)}`;
  }

  from(model: ModelName, alias: string): string {
    return `${quote(this.tables.table(model).name)} ${alias}`;
  }

  /**
   * A row as a JSON object: its columns, then each relation read ahead under `@<field>`. A
   * to-one relation that an ORDER BY already joined is built from that join, not looked up again.
   */
  rowJson(plan: ReadPlan, alias: string, { joins = new Map(), typed = false, built = new Set() }: RowJsonOptions = {}): string {
    const pairs = plan.columns.map((field) => `'${field}', ${this.column(plan.model, alias, field)}`);
    if (typed) pairs.push(`'${typeKey}', ${sqlText(plan.type)}`);
    for (const entry of plan.relations) {
      const key = prefetchedKey(entry.field);
      const joined = this.joinedJson(plan, alias, entry, joins);
      pairs.push(`'${key}', ${built.has(entry.field) ? `${alias}."${key}"` : (joined ?? this.relationJson(plan.model, alias, entry))}`);
    }
    return `json_build_object(${pairs.join(", ")})`;
  }

  /** A to-one relation's JSON from the row an ORDER BY already joined, if it did. */
  private joinedJson(plan: ReadPlan, alias: string, entry: RelationPlan, joins: Joins): string | undefined {
    const joined = joins.get(`${alias}.${entry.field}`);
    if (!joined || !("plan" in entry)) return undefined;
    return `CASE WHEN ${joined.alias}."id" IS NULL THEN NULL ELSE ${this.rowJson(entry.plan, joined.alias, { joins })} END`;
  }

  /** A relation of the row under `alias` (of `model`) as JSON: a row or null, or a list. */
  relationJson(model: ModelName, alias: string, entry: RelationRead): string {
    if (!("plan" in entry)) return this.variantsJson(alias, entry.relation, entry.plans);
    const { relation, plan } = entry;
    if (relation.kind === "many" && entry.limit !== undefined) return this.firstPageJson(alias, relation, plan, entry.limit);
    const child = this.alias();
    if (relation.kind === "one") {
      const key = this.column(model, alias, relation.foreignKey);
      return `(SELECT ${this.rowJson(plan, child)} FROM ${this.from(plan.model, child)} WHERE ${child}."id" = ${key})`;
    }
    const joins: Joins = new Map();
    const order = this.orderBy(plan.model, child, [...relation.orderBy, { id: "asc" }], joins);
    const joined = [...joins.values()].map((join) => join.sql).join("");
    return (
      `(SELECT coalesce(json_agg(${this.rowJson(plan, child, { joins })} ORDER BY ${order}), '[]'::json) ` +
      `FROM ${this.from(plan.model, child)}${joined} WHERE ${this.belongs(relation, child, `${alias}."id"`)})`
    );
  }

  /**
   * The first `limit` rows of a to-many relation of the row under `alias` (a page per parent, not
   * the whole list), and how many there are in all when its connection's totalCount is selected.
   */
  private firstPageJson(alias: string, relation: ToMany, plan: ReadPlan, limit: number): string {
    const child = this.alias();
    const joins: Joins = new Map();
    const terms = this.orderTerms(plan.model, child, [...relation.orderBy, { id: "asc" }], joins);
    const joined = [...joins.values()].map((join) => join.sql).join("");
    const page = this.alias();
    // The page's sort keys travel out of the subquery, to order the JSON list the same way, and
    // so do the to-one relations its ORDER BY joined, built there from the joined rows.
    const built = new Set<string>();
    const keys = terms.map((term, i) => `${term.value} AS k${i}`);
    for (const entry of plan.relations) {
      const joinedJson = this.joinedJson(plan, child, entry, joins);
      if (joinedJson) {
        keys.push(`${joinedJson} AS "${prefetchedKey(entry.field)}"`);
        built.add(entry.field);
      }
    }
    const inner = terms.map((term) => `${term.value} ${term.direction}`).join(", ");
    const outer = terms.map((term, i) => `${page}.k${i} ${term.direction}`).join(", ");
    // Only the columns the rows' JSON reads leave the subquery: the plan's, the id, and the keys of
    // the to-one relations not built in it.
    const needed = new Set(["id", ...plan.columns]);
    for (const entry of plan.relations) if ("plan" in entry && entry.relation.kind === "one" && !built.has(entry.field)) needed.add(entry.relation.foreignKey);
    const columns = [...needed].map((field) => this.column(plan.model, child, field));
    const rows = `coalesce(json_agg(${this.rowJson(plan, page, { built })} ORDER BY ${outer}), '[]'::json)`;
    // The count of the whole list, taken before the LIMIT by a window over the same scan.
    const json = plan.total ? `json_build_object('rows', ${rows}, 'total', coalesce(max(${page}."@total"), 0))` : rows;
    const total = plan.total ? `, count(*) OVER () AS "@total"` : "";
    return (
      `(SELECT ${json} FROM (SELECT ${[...columns, ...keys].join(", ")}${total} FROM ${this.from(plan.model, child)}${joined} ` +
      `WHERE ${this.belongs(relation, child, `${alias}."id"`)} ORDER BY ${inner} LIMIT ${limit}) ${page})`
    );
  }

  /**
   * The rows of a relation over several types: each planned variant's, tagged with its type,
   * in one list ordered by the variants' sort keys (as text, byte order: the same on every
   * database), then id.
   */
  private variantsJson(alias: string, relation: ToVariants, plans: ReadPlan[]): string {
    if (plans.length === 0) return `'[]'::json`;
    const list = this.alias();
    const parts = plans.map((plan) => {
      const variant = relation.variants.find((candidate) => candidate.type === plan.type)!;
      const row = this.alias();
      const keys = variant.sortBy.map((key, i) =>
        "column" in key ? `${this.column(plan.model, row, key.column)}::text AS k${i}` : `${sqlText(key.text)}::text AS k${i}`,
      );
      const matching = this.matching(plan.model, row, variant.belongs, { parentId: `${alias}."id"`, inline: true });
      return `SELECT ${this.rowJson(plan, row, { typed: true })} AS "row", ${keys.join(", ")}, ${row}."id" AS "id" FROM ${this.from(plan.model, row)} WHERE ${matching}`;
    });
    const order = [...relation.variants[0].sortBy.map((_, i) => `${list}.k${i} COLLATE "C"`), `${list}."id"`].join(", ");
    return `(SELECT coalesce(json_agg(${list}."row" ORDER BY ${order}), '[]'::json) FROM (${parts.join(" UNION ALL ")}) ${list})`;
  }

  /**
   * The condition that a to-many relation's row (alias `child`) belongs to the parent whose id is
   * `parentId`. A relation to join rows, or either of several ways in, becomes `id IN (SELECT
   * ... UNION SELECT ...)`, each way selecting keys by its own index (an OR, or a correlated
   * EXISTS, would have PostgreSQL scan the related table once per parent).
   */
  private belongs(relation: ToMany, child: string, parentId: string): string {
    return this.matching(relation.model, child, relation.belongs, { parentId, inline: true });
  }

  /** `condition` on `model`'s rows under `alias`, the ways in as `id IN (... UNION ...)` (see belongs). */
  private matching(model: ModelName, alias: string, condition: Condition, scope: Scope): string {
    const ways = condition.kind === "or" ? condition.parts : [condition];
    if (ways.length === 1 && !this.joinRows(model, ways[0])) return this.condition(model, alias, condition, scope);
    return `${alias}."id" IN (${ways.map((way) => this.idsOf(model, way, scope)).join(" UNION ")})`;
  }

  /** The ids of `model`'s rows that match `way`, as a SELECT: through join rows, their keys. */
  private idsOf(model: ModelName, way: Condition, scope: Scope): string {
    const join = this.joinRows(model, way);
    const alias = this.alias();
    if (join && way.kind === "related") {
      return `SELECT ${this.column(join.model, alias, join.foreignKey)} FROM ${this.from(join.model, alias)} WHERE ${this.matching(join.model, alias, way.where, scope)}`;
    }
    return `SELECT ${alias}."id" FROM ${this.from(model, alias)} WHERE ${this.condition(model, alias, way, scope)}`;
  }

  /** The relation to rows holding `model`'s key, when `way` is a condition on some of them. */
  private joinRows(model: ModelName, way: Condition): RelationInfo | undefined {
    if (way.kind !== "related") return undefined;
    const relation = models[model].relations[way.relation];
    return relation?.keyOn === "related" ? relation : undefined;
  }

  /**
   * Prisma `orderBy` entries as SQL, with the joins they need. Prisma orders through a to-one
   * relation with a LEFT JOIN and leaves NULLs where PostgreSQL puts them by default; so does this.
   */
  orderBy(model: ModelName, alias: string, entries: OrderBy, joins: Joins): string {
    return this.orderTerms(model, alias, entries, joins)
      .map((term) => `${term.value} ${term.direction}`)
      .join(", ");
  }

  /** The terms of an ORDER BY: each value and its direction (with where NULLs go). */
  private orderTerms(model: ModelName, alias: string, entries: OrderBy, joins: Joins): { value: string; direction: string }[] {
    return entries.flatMap((entry) => {
      const [[field, value]] = Object.entries(entry);
      if (typeof value === "string") return [{ value: this.column(model, alias, field), direction: direction(value) }];
      const { sort, nulls } = value as { sort?: string; nulls?: string };
      if (sort) return [{ value: this.column(model, alias, field), direction: `${direction(sort)}${nulls ? ` NULLS ${nulls === "first" ? "FIRST" : "LAST"}` : ""}` }];
      const relation = models[model].relations[field];
      if (!relation || relation.kind !== "one" || relation.keyOn !== "self") throw new NotCompilable(`cannot order ${model} by ${field}`);
      let join = joins.get(`${alias}.${field}`);
      if (!join) {
        const joined = this.alias();
        const on = `${joined}."id" = ${this.column(model, alias, relation.foreignKey)}`;
        join = { alias: joined, sql: ` LEFT JOIN ${this.from(relation.model, joined)} ON ${on}` };
        joins.set(`${alias}.${field}`, join);
      }
      return this.orderTerms(relation.model, join.alias, [value as object], joins);
    });
  }

  /** The id of an article named by id, by PARENT_ID, or by a condition (looked up in the same statement). */
  private articleId(article: ArticleNamed, scope: Scope): string {
    if (typeof article !== "object") return this.value(article, scope);
    const named = this.alias();
    return `(SELECT ${named}."id" FROM ${this.from("article", named)} WHERE ${this.condition("article", named, article, scope)})`;
  }

  /** A condition (condition.ts) on the rows of `model` under `alias`, as SQL. */
  condition(model: ModelName, alias: string, condition: Condition, scope: Scope = {}): string {
    switch (condition.kind) {
      case "and":
      case "or": {
        if (condition.parts.length === 0) return condition.kind === "and" ? "TRUE" : "FALSE";
        if (condition.parts.length === 1) return this.condition(model, alias, condition.parts[0], scope);
        const parts = condition.parts.map((part) => `(${this.condition(model, alias, part, scope)})`);
        return parts.join(condition.kind === "and" ? " AND " : " OR ");
      }
      case "compare":
        return `${this.column(model, alias, condition.field)} ${condition.operator} ${this.value(condition.value, scope)}`;
      case "isNull":
        return `${this.column(model, alias, condition.field)} IS ${condition.negated ? "NOT " : ""}NULL`;
      case "contains":
        // LIKE with the text's own wildcards and escape character escaped: it matches literally.
        return `${this.column(model, alias, condition.field)}::text LIKE ${this.value(`%${condition.text.replace(/[\\%_]/g, "\\$&")}%`, scope)}`;
      case "related": {
        const relation = models[model].relations[condition.relation];
        if (!relation) throw new Error(`${model}.${condition.relation} is not a relation`);
        const other = this.alias();
        const joined =
          relation.keyOn === "self"
            ? `${other}."id" = ${this.column(model, alias, relation.foreignKey)}`
            : `${this.column(relation.model, other, relation.foreignKey)} = ${alias}."id"`;
        return `EXISTS (SELECT 1 FROM ${this.from(relation.model, other)} WHERE ${joined} AND (${this.condition(relation.model, other, condition.where, scope)}))`;
      }
      case "reportedIn": {
        const link = this.alias();
        const factKind = this.value(condition.factKind, scope);
        const articleId = this.articleId(condition.article, scope);
        // The article's links by their index, then the rows by id (an EXISTS per row would scan the table).
        return (
          `${alias}."id" IN (SELECT ${this.column("factSource", link, "factId")} FROM ${this.from("factSource", link)} ` +
          `WHERE ${this.column("factSource", link, "factKind")} = ${factKind} AND ${this.column("factSource", link, "articleId")} = ${articleId})`
        );
      }
    }
  }
}

const direction = (value: string) => {
  if (value !== "asc" && value !== "desc") throw new NotCompilable(`unsupported direction ${value}`);
  return value === "asc" ? "ASC" : "DESC";
};

// Plans are cached per query document (read-plan.ts); what is derived from a plan is cached with
// it, so a repeated query reuses the same objects and the same statement text (cheap to prepare).
const derivedPlans = new WeakMap<ReadPlan, Map<string, ReadPlan>>();
const rowJsonTexts = new WeakMap<ReadPlan, string>();

/** A plan with extra columns: the ones a caller needs besides the selection (keys, order). */
function withColumns(plan: ReadPlan, fields: string[]): ReadPlan {
  const missing = fields.filter((field) => !plan.columns.includes(field));
  if (!missing.length) return plan;
  const key = missing.join(",");
  const derived = derivedPlans.get(plan) ?? new Map<string, ReadPlan>();
  derivedPlans.set(plan, derived);
  let extended = derived.get(key);
  if (!extended) {
    extended = { ...plan, columns: [...plan.columns, ...missing] };
    derived.set(key, extended);
  }
  return extended;
}

/** The JSON expression of a plan's row, for the root alias t0 (it has no parameters). */
function rowJsonOf(tables: Tables, plan: ReadPlan): string {
  let text = rowJsonTexts.get(plan);
  if (text === undefined) {
    const statement = new Statement(tables);
    text = statement.rowJson(plan, statement.alias());
    rowJsonTexts.set(plan, text);
  }
  return text;
}

/** Turns the JSON rows into rows like Prisma's, in place and recursively: dates become Date objects. */
function reviveRows(tables: Tables, plan: ReadPlan, rows: Record<string, unknown>[]): void {
  const columns = tables.table(plan.model).columns;
  const dates = plan.columns.filter((field) => columns.get(field)!.isDate);
  for (const row of rows) {
    for (const field of dates) if (row[field] != null) row[field] = new Date(row[field] as string);
    for (const entry of plan.relations) {
      const key = prefetchedKey(entry.field);
      row[key] = reviveRelation(tables, entry, row[key]);
    }
  }
}

/**
 * A relation's JSON (a row or null, or a list) made like Prisma's rows. A first page counted
 * (`{ rows, total }`) becomes its list, carrying the count as `total` (list-connection.ts).
 */
function reviveRelation(tables: Tables, read: RelationRead, value: unknown): unknown {
  if (!("plan" in read)) {
    for (const item of value as Record<string, unknown>[]) {
      reviveRows(tables, read.plans.find((candidate) => candidate.type === item[typeKey])!, [item]);
    }
    return value;
  }
  if (read.relation.kind === "one") {
    if (value) reviveRows(tables, read.plan, [value as Record<string, unknown>]);
    return value;
  }
  const counted = !Array.isArray(value) ? (value as { rows: Record<string, unknown>[]; total: number }) : undefined;
  const list = counted ? counted.rows : (value as Record<string, unknown>[]);
  reviveRows(tables, read.plan, list);
  if (counted) Object.defineProperty(list, "total", { value: counted.total });
  return list;
}

/** What paginate asks of a list: a page of rows, and how many match. */
export interface PageArgs {
  /** The list's filter. */
  where: Condition;
  /** Where the page starts and ends (keyset cursors). */
  bounds: Condition[];
  orderBy: OrderBy;
  take?: number;
}

export interface PageReader<Row> {
  /** The page, and the number of rows matching `where` when the selection asked for it. */
  findMany(args: PageArgs): Promise<{ rows: Row[]; total?: number }>;
  count(where: Condition): Promise<number>;
}

export interface Compiled {
  sql: string;
  params: unknown[];
}

const ROOT = "t0";

/** Rows of `plan` whose `field` is one of `values` (in no particular order). */
function compileKeyed(tables: Tables, plan: ReadPlan, field: string, values: unknown[]): Compiled {
  const statement = new Statement(tables);
  const sql =
    `${PREPARED_STATEMENT_MARKER}SELECT coalesce(json_agg(${rowJsonOf(tables, plan)}), '[]'::json)::text AS "rows" ` +
    `FROM ${statement.from(plan.model, ROOT)} WHERE ${statement.column(plan.model, ROOT, field)} = ANY($1)`;
  return { sql, params: [values] };
}

/**
 * A page of `plan`'s rows: those matching `where` and `bounds`, in `orderBy` order, at most
 * `take`; with the number matching `where` when the plan asks for its total.
 */
export function compilePage(tables: Tables, plan: ReadPlan, args: PageArgs): Compiled {
  const statement = new Statement(tables);
  statement.alias(); // ROOT: the condition's subqueries take the next aliases
  const where = statement.condition(plan.model, ROOT, and(args.where, ...args.bounds));
  const joins: Joins = new Map();
  const order = statement.orderBy(plan.model, ROOT, args.orderBy, joins);
  if (joins.size) throw new Error("root lists are ordered by their own columns only");
  const orderBy = order ? ` ORDER BY ${order}` : "";
  const limit = args.take === undefined ? "" : ` LIMIT ${statement.param(args.take)}`;
  const rows = `coalesce(json_agg(${rowJsonOf(tables, plan)}${orderBy}), '[]'::json)`;
  let total = "";
  if (plan.total) {
    const counted = statement.alias();
    total = `(SELECT count(*) FROM ${statement.from(plan.model, counted)} WHERE ${statement.condition(plan.model, counted, args.where)})`;
  }
  const sql =
    `${PREPARED_STATEMENT_MARKER}SELECT ${plan.total ? `json_build_object('rows', ${rows}, 'total', ${total})` : rows}::text AS "rows" ` +
    `FROM (SELECT * FROM ${statement.from(plan.model, ROOT)} WHERE ${where}${orderBy}${limit}) ${ROOT}`;
  return { sql, params: statement.params };
}

/** How many rows of `model` match `where` (a connection's totalCount). */
export function compileCount(tables: Tables, model: ModelName, where: Condition): Compiled {
  const statement = new Statement(tables);
  statement.alias(); // ROOT
  const sql = `SELECT count(*)::text AS "rows" FROM ${statement.from(model, ROOT)} WHERE ${statement.condition(model, ROOT, where)}`;
  return { sql, params: statement.params };
}

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
  dateField: string;
  where: Condition;
  /** What the event's subject (the row) is read with. */
  plan: ReadPlan;
}

/** An event as read: its date, its source's rank and its subject row (tagged with its type). */
export interface EventRow {
  date: Date;
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
    const where = inner.condition(source.model, ROOT, and(isNotNull(source.dateField), source.where, ...bounds));
    return (
      `SELECT ${date} AS "date", ${source.rank} AS "rank", ${ROOT}."id" AS "id", ${rowJsonOf(tables, source.plan)} AS "subject" ` +
      `FROM (SELECT * FROM ${inner.from(source.model, ROOT)} WHERE ${where} ORDER BY ${date} ${direction}, ${ROOT}."id" ${direction} LIMIT ${take}) ${ROOT}`
    );
  });
  const order = (alias: string) => `${alias}."date" ${direction}, ${alias}."rank" ${direction}, ${alias}."id" ${direction}`;
  const rows = `coalesce(json_agg(json_build_object('date', e."date", 'rank', e."rank", 'subject', e."subject") ORDER BY ${order("e")}), '[]'::json)`;
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

const compilable = new WeakMap<ReadPlan, boolean>();
const wholeRowPlans = new Map<ModelName, ReadPlan>();
/** Per relation, its batched read (SelectionReader.relatedRows): the whole rows' plans and the statement. */
const relatedRowsSql = new WeakMap<ToMany | ToVariants, { read: RelationRead; sql: string }>();

/**
 * Runs compiled reads on `pg` directly, or through Prisma's raw path (a read replica when there is
 * one), on the request's read path: the primary's for read-your-writes (schema/context.ts).
 */
export class SelectionReader {
  private readonly tables: Tables;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly readText?: TextRead,
  ) {
    this.tables = Tables.get();
  }

  columnsOf = (model: ModelName): ReadonlySet<string> => this.tables.columnsOf(model);

  /**
   * Whether a plan compiles (its relations' orders are ones this compiler knows); checked once
   * per plan, so that callers can fall back to their loaders before reading anything.
   */
  compiles(plan: ReadPlan): boolean {
    let ok = compilable.get(plan);
    if (ok === undefined) {
      try {
        rowJsonOf(this.tables, plan);
        ok = true;
      } catch (error) {
        if (!(error instanceof NotCompilable)) throw error;
        ok = false;
      }
      compilable.set(plan, ok);
    }
    return ok;
  }

  /** Rows of `plan` by a unique column (the id, a slug, a code), relations read ahead. */
  async byKey<M extends ModelName>(plan: ReadPlan, field: string, keys: readonly unknown[]): Promise<Map<unknown, Rows[M]>> {
    const keyed = withColumns(plan, [field]);
    const rows = await this.run(keyed, compileKeyed(this.tables, keyed, field, [...keys]));
    return new Map(rows.map((row) => [row[field], row as unknown as Rows[M]]));
  }

  /** A plan of `model`'s whole rows, no relations read ahead. */
  wholeRows(model: ModelName): ReadPlan {
    let plan = wholeRowPlans.get(model);
    if (!plan) {
      const type = (Object.keys(readModel) as ReadTypeName[]).find((name) => readModel[name].model === model);
      if (!type) throw new Error(`no GraphQL type reads ${model}`);
      plan = { type, model, columns: [...this.tables.columnsOf(model)], relations: [] };
      wholeRowPlans.set(model, plan);
    }
    return plan;
  }

  /**
   * The rows of a to-many relation for each of `parentIds`, whole, in one statement: what a
   * relation not read ahead with its parent costs (once per relation and nesting level).
   */
  async relatedRows(parentModel: ModelName, relation: ToMany | ToVariants, parentIds: readonly string[]): Promise<Map<string, Record<string, unknown>[]>> {
    let compiled = relatedRowsSql.get(relation);
    if (compiled === undefined) {
      const read: RelationRead =
        relation.kind === "many"
          ? { relation, plan: this.wholeRows(relation.model) }
          : { relation, plans: relation.variants.map((variant) => this.wholeRows(variant.model)) };
      const list = new Statement(this.tables).relationJson(parentModel, "p", read);
      const sql = `${PREPARED_STATEMENT_MARKER}SELECT coalesce(json_agg(json_build_object('parent', p."id", 'rows', ${list})), '[]'::json)::text AS "rows" FROM unnest($1::uuid[]) AS p("id")`;
      compiled = { read, sql };
      relatedRowsSql.set(relation, compiled);
    }
    const { read, sql } = compiled;
    const groups = JSON.parse(await this.readText_({ sql, params: [parentIds] })) as { parent: string; rows: Record<string, unknown>[] }[];
    const byParent = new Map<string, Record<string, unknown>[]>();
    for (const group of groups) byParent.set(group.parent, reviveRelation(this.tables, read, group.rows) as Record<string, unknown>[]);
    return byParent;
  }

  /** Pages of `plan`'s rows for paginate: each page is one statement with its relations, as is a count. */
  pages<M extends ModelName>(plan: ReadPlan): PageReader<Rows[M]> {
    return {
      findMany: async (args) => {
        // The ordering columns make the cursors, so they are read whatever the selection.
        const ordered = withColumns(plan, args.orderBy.flatMap((entry) => Object.keys(entry)));
        const compiled = compilePage(this.tables, ordered, args);
        if (!ordered.total) return { rows: (await this.run(ordered, compiled)) as unknown as Rows[M][] };
        const { rows, total } = JSON.parse(await this.readText_(compiled)) as { rows: Record<string, unknown>[]; total: number };
        reviveRows(this.tables, ordered, rows);
        return { rows: rows as unknown as Rows[M][], total };
      },
      count: async (where) => Number(await this.readText_(compileCount(this.tables, plan.model, where))),
    };
  }

  /** A page of events (compileEventPage): one statement; each subject tagged with its type for the union. */
  async events(args: EventPageArgs): Promise<{ rows: EventRow[]; total: number | null }> {
    const page = JSON.parse(await this.readText_(compileEventPage(this.tables, args))) as { rows: EventRow[]; total: number | null };
    this.reviveSubjects(page.rows, args.sources);
    for (const row of page.rows) row.date = new Date(row.date);
    return page;
  }

  /** A page of search results (compileSearchPage): one statement; each subject tagged with its type for the union. */
  async search(args: SearchPageArgs): Promise<{ rows: SearchRow[]; total: number | null }> {
    const page = JSON.parse(await this.readText_(compileSearchPage(this.tables, args))) as { rows: SearchRow[]; total: number | null };
    this.reviveSubjects(page.rows, args.sources);
    return page;
  }

  /** Revives each row's subject with its source's plan, and tags it with the plan's type for a union's resolveType. */
  private reviveSubjects(rows: { rank: number; subject: TypedRow }[], sources: readonly { rank: number; plan: ReadPlan }[]): void {
    const byRank = new Map(sources.map((source) => [source.rank, source.plan]));
    for (const row of rows) {
      const plan = byRank.get(row.rank)!;
      reviveRows(this.tables, plan, [row.subject]);
      row.subject[typeKey] = plan.type;
    }
  }

  /** How many rows of `model` match `where`, by group (compileGroupCounts): one statement. */
  async groupCounts(model: ModelName, where: Condition, grouping: Grouping): Promise<GroupCount[]> {
    return JSON.parse(await this.readText_(compileGroupCounts(this.tables, model, where, grouping))) as GroupCount[];
  }

  private async run(plan: ReadPlan, compiled: Compiled): Promise<Record<string, unknown>[]> {
    const parsed = JSON.parse(await this.readText_(compiled)) as Record<string, unknown>[];
    reviveRows(this.tables, plan, parsed);
    return parsed;
  }

  /** The text the statement answers (its one row's one column). */
  private readText_({ sql, params }: Compiled): Promise<string> {
    return this.readText ? this.readText(sql, params) : this.readThroughPrisma(sql, params);
  }

  private async readThroughPrisma(sql: string, params: unknown[]): Promise<string> {
    const client = "$replica" in this.prisma ? (this.prisma as unknown as { $replica(): PrismaClient }).$replica() : this.prisma;
    const [{ rows }] = await client.$queryRawUnsafe<{ rows: string }[]>(sql, ...params);
    return rows;
  }
}
