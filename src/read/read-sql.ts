// Compiles a read plan (read-plan.ts) into one SQL statement in which PostgreSQL builds the rows
// and every relation read ahead as JSON, and turns the answer back into rows shaped like
// Prisma's (the same field names, dates as Date objects), with the relations kept under
// `@<field>` for the resolvers. Identifiers come only from Prisma's own model mapping; every
// value is a `$n` parameter. Why: through Prisma's model API each relation level costs a
// statement and Prisma's per-row result processing dominated the server's CPU profile.
import type { ModelName, OrderBy } from "../database/rows";
import { and, type ArticleNamed, type Condition, PARENT_ID } from "./condition";
import { PREPARED_STATEMENT_MARKER } from "../observability/statement-counter";
import { type ModelInfo, models, type RelationInfo } from "../database/data-model";
import { prefetchedKey, type ToMany, type ToVariants, typeKey } from "./read-model";
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
export const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** One statement being written: its parameters and table aliases. */
export class Statement {
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

  /**
   * The rows under `alias` that a polymorphic link table (fact_source, statement_subject) links to
   * its owner (`ownerKey` = `owner()`, SQL) as facts of `factKind`: the owner's links by their index,
   * then the rows by id (an EXISTS per row would scan the table).
   */
  private linkedFacts(alias: string, link: "factSource" | "statementSubject", ownerKey: string, owner: () => string, factKind: string, scope: Scope): string {
    const row = this.alias();
    const kind = this.value(factKind, scope);
    return (
      `${alias}."id" IN (SELECT ${this.column(link, row, "factId")} FROM ${this.from(link, row)} ` +
      `WHERE ${this.column(link, row, "factKind")} = ${kind} AND ${this.column(link, row, ownerKey)} = ${owner()})`
    );
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
      case "reportedIn":
        return this.linkedFacts(alias, "factSource", "articleId", () => this.articleId(condition.article, scope), condition.factKind, scope);
      case "subjectOf":
        return this.linkedFacts(alias, "statementSubject", "statementId", () => this.value(condition.statement, scope), condition.factKind, scope);
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
// A keyed read's text, kept as the same string: the prepared statement's name is found by it and
// pg compares it with the text it prepared, and a string built anew is hashed and compared whole
// on every request (a few KB for a nested read).
const keyedTexts = new WeakMap<ReadPlan, Map<string, string>>();

/** A plan with extra columns: the ones a caller needs besides the selection (keys, order). */
export function withColumns(plan: ReadPlan, fields: string[]): ReadPlan {
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
export function rowJsonOf(tables: Tables, plan: ReadPlan): string {
  let text = rowJsonTexts.get(plan);
  if (text === undefined) {
    const statement = new Statement(tables);
    text = statement.rowJson(plan, statement.alias());
    rowJsonTexts.set(plan, text);
  }
  return text;
}

/** Turns the JSON rows into rows like Prisma's, in place and recursively: dates become Date objects. */
export function reviveRows(tables: Tables, plan: ReadPlan, rows: Record<string, unknown>[]): void {
  const revival = revivalOf(tables, plan);
  for (const row of rows) reviveRow(tables, revival, row);
}

function reviveRow(tables: Tables, { dates, relations }: Revival, row: Record<string, unknown>): void {
  for (const field of dates) if (row[field] != null) row[field] = new Date(row[field] as string);
  for (const { key, read } of relations) row[key] = reviveRelation(tables, read, row[key]);
}

/** What reviving a plan's rows touches: its date columns and its relations' keys. */
interface Revival {
  dates: string[];
  relations: { key: string; read: RelationPlan }[];
}

// Kept with the (cached) plan: rows are revived per request, once per row of every relation.
const revivals = new WeakMap<ReadPlan, Revival>();

function revivalOf(tables: Tables, plan: ReadPlan): Revival {
  let revival = revivals.get(plan);
  if (!revival) {
    const columns = tables.table(plan.model).columns;
    revival = {
      dates: plan.columns.filter((field) => columns.get(field)!.isDate),
      relations: plan.relations.map((read) => ({ key: prefetchedKey(read.field), read })),
    };
    revivals.set(plan, revival);
  }
  return revival;
}

/**
 * A relation's JSON (a row or null, or a list) made like Prisma's rows. A first page counted
 * (`{ rows, total }`) becomes its list, carrying the count as `total` (list-connection.ts).
 */
export function reviveRelation(tables: Tables, read: RelationRead, value: unknown): unknown {
  if (!("plan" in read)) {
    for (const item of value as Record<string, unknown>[]) {
      reviveRow(tables, revivalOf(tables, read.plans.find((candidate) => candidate.type === item[typeKey])!), item);
    }
    return value;
  }
  if (read.relation.kind === "one") {
    if (value) reviveRow(tables, revivalOf(tables, read.plan), value as Record<string, unknown>);
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

export const ROOT = "t0";

/**
 * Rows of `plan` whose `field` is one of `values` (in no particular order). One value is compared
 * with `=`, not `= ANY`: PostgreSQL's plan cache prices a generic plan for `= ANY($1)` as if the
 * array held ten keys, so it kept planning that statement for every run (about as long as
 * running it; docs/performance.md, step 14), while `= $1` gets its generic plan from the sixth run.
 */
export function compileKeyed(tables: Tables, plan: ReadPlan, field: string, values: unknown[]): Compiled {
  const one = values.length === 1;
  const key = `${field}${one ? "=" : " any"}`;
  let texts = keyedTexts.get(plan);
  if (!texts) keyedTexts.set(plan, (texts = new Map()));
  let sql = texts.get(key);
  if (sql === undefined) {
    const statement = new Statement(tables);
    const column = statement.column(plan.model, ROOT, field);
    sql =
      `${PREPARED_STATEMENT_MARKER}SELECT coalesce(json_agg(${rowJsonOf(tables, plan)}), '[]'::json)::text AS "rows" ` +
      `FROM ${statement.from(plan.model, ROOT)} WHERE ${column} ${one ? "= $1" : "= ANY($1)"}`;
    texts.set(key, sql);
  }
  return { sql, params: [one ? values[0] : values] };
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
