// Runs the compiled reads (read-sql.ts, analyst-sql.ts) and turns their JSON answers back into
// rows for the resolvers.
import type { TextRead } from "../database/database";
import type { ModelName, Rows } from "../database/rows";
import type { PrismaClient } from "../generated/prisma/client";
import { PREPARED_STATEMENT_MARKER } from "../observability/statement-counter";
import {
  compileEventCounts,
  compileEventPage,
  type CountedEvents,
  compileGroupCounts,
  compileSearchPage,
  type EventPageArgs,
  type EventRow,
  type GroupCount,
  type Grouping,
  type SearchPageArgs,
  type SearchRow,
} from "./analyst-sql";
import type { Condition } from "./condition";
import { type ReadTypeName, readModel, type ToMany, type ToVariants, type TypedRow, typeKey } from "./read-model";
import type { ReadPlan, RelationRead } from "./read-plan";
import {
  type Compiled,
  compileCount,
  compileKeyed,
  compilePage,
  NotCompilable,
  type PageReader,
  reviveRelation,
  reviveRows,
  rowJsonOf,
  Statement,
  Tables,
  withColumns,
} from "./read-sql";

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

  /** `prismaOf` is asked for the client at each use (see Loaders). */
  constructor(
    private readonly prismaOf: () => PrismaClient,
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

  /** How many events fall in each group (compileEventCounts): one statement. */
  async eventCounts(sources: readonly CountedEvents[], by: "kind" | "month" | "year"): Promise<GroupCount[]> {
    return JSON.parse(await this.readText_(compileEventCounts(this.tables, sources, by))) as GroupCount[];
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
    const prisma = this.prismaOf();
    const client = "$replica" in prisma ? (prisma as unknown as { $replica(): PrismaClient }).$replica() : prisma;
    const [{ rows }] = await client.$queryRawUnsafe<{ rows: string }[]>(sql, ...params);
    return rows;
  }
}
