// A request's reads: a root's rows with the relations its selection asks for, in one compiled
// statement (read-plan.ts, read-sql.ts); a relation of rows that were not planned, one batched
// statement per relation and nesting level, however many parent rows ask for it. A fresh
// Loaders is made per request, so nothing is cached across requests (or across users).
import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import type { FactKind, PrismaClient } from "../generated/prisma/client";
import type { TextRead } from "../database/database";
import { type ModelName, reader, type Rows } from "../database/rows";
import {
  prefetchedKey,
  type ReadModel,
  type ReadTypeName,
  type Related,
  type RelationName,
  readModel,
  relationOf,
  type ToMany,
  type ToVariants,
} from "./read-model";
import { planNodeUnion, planSelection, type ReadPlan } from "./read-plan";
import type { Condition } from "./condition";
import type { CountedEvents, EventPageArgs, EventRow, GroupCount, Grouping, SearchPageArgs, SearchRow } from "./analyst-sql";
import type { PageReader } from "./read-sql";
import { SelectionReader } from "./selection-reader";
import { claimedFields } from "../claims/claim-fields";
import { deriveCurrent } from "../claims/derive";
import { asClaimInput, claimsOf } from "../claims/recompute";
import { isUuid } from "../validation";

/** Ids are UUIDs in the database: any other string cannot match a row, and does not reach SQL. */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<string, unknown>>();
  private readonly selectedCache = new Map<ReadPlan, Map<string, DataLoader<string, unknown>>>();
  private readonly relatedCache = new Map<ToMany | ToVariants, DataLoader<string, Record<string, unknown>[]>>();
  private selectionReader?: SelectionReader;

  /**
   * `prismaOf` is asked for the client at each use: the request's context counts the statements
   * that follow as the request's (schema/context.ts).
   */
  constructor(
    private readonly prismaOf: () => PrismaClient,
    private readonly readText?: TextRead,
  ) {}

  private get prisma(): PrismaClient {
    return this.prismaOf();
  }

  private get reads(): SelectionReader {
    this.selectionReader ??= new SelectionReader(this.prismaOf, this.readText);
    return this.selectionReader;
  }

  /**
   * What the current field's selection needs, as a read plan, when its type is in the read
   * model (read-model.ts); null otherwise, and the caller reads the usual way. `typeName` picks
   * the type of an abstract result (`_entities`).
   */
  plan(info: GraphQLResolveInfo, typeName?: string): ReadPlan | null {
    const plan = planSelection(info, this.reads.columnsOf, typeName);
    return plan && this.reads.compiles(plan) ? plan : null;
  }

  /**
   * Rows of a plan's type by a unique column (default the id), each with the relations the plan
   * selects read ahead: one SQL statement per plan for all the keys asked in the same tick.
   * Unknown keys give null.
   */
  selected<M extends ModelName>(plan: ReadPlan, field = "id"): DataLoader<string, Rows[M] | null> {
    const byField = this.selectedCache.get(plan) ?? new Map<string, DataLoader<string, unknown>>();
    this.selectedCache.set(plan, byField);
    let loader = byField.get(field) as DataLoader<string, Rows[M] | null> | undefined;
    if (!loader) {
      loader = new DataLoader<string, Rows[M] | null>(async (keys) => {
        const wanted = field === "id" ? keys.filter(isUuid) : [...keys];
        const rows = wanted.length ? await this.reads.byKey<M>(plan, field, wanted) : new Map<unknown, Rows[M]>();
        return keys.map((key) => rows.get(key) ?? null);
      });
      byField.set(field, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /**
   * The row a root field asks for by a unique column (the id, a slug): with the relations its
   * selection reads ahead, in one statement, when the selection compiles; else by the plain
   * batched loader, its relations then loaded level by level.
   */
  oneBy<M extends ModelName>(info: GraphQLResolveInfo, model: M, key: string, field: keyof Rows[M] & string = "id"): Promise<Rows[M] | null> {
    const plan = this.plan(info);
    if (plan) return this.selected<M>(plan, field).load(key);
    return field === "id" ? this.byId(model).load(key) : this.byUnique(model, field).load(key);
  }

  /**
   * A reader of pages for a root list's `paginate`, each page one statement with the relations
   * its nodes select read ahead (the whole row without them, if the selection does not compile).
   */
  pagesFor<M extends ModelName>(info: GraphQLResolveInfo, model: M): PageReader<Rows[M]> {
    return this.reads.pages<M>(this.plan(info) ?? this.reads.wholeRows(model));
  }

  /**
   * The plans of a connection's node field whose type is a union of read types (a timeline
   * event's subject), one per type by its model, and whether its totalCount is asked. A plan that does not
   * compile is replaced by the type's whole rows (their relations then load in batches).
   */
  nodeUnionPlans(info: GraphQLResolveInfo, field: string): { plans: Map<ModelName, ReadPlan>; total: boolean } {
    const { plans, total } = planNodeUnion(info, this.reads.columnsOf, field);
    const byModel = new Map([...plans.values()].map((plan) => [plan.model, this.reads.compiles(plan) ? plan : this.reads.wholeRows(plan.model)]));
    return { plans: byModel, total };
  }

  /** A page of dated events of several kinds, their subjects read ahead: one statement (analyst-sql.ts, compileEventPage). */
  events(args: EventPageArgs): Promise<{ rows: EventRow[]; total: number | null }> {
    return this.reads.events(args);
  }

  /** A page of search results over several kinds, their rows read ahead: one statement (analyst-sql.ts, compileSearchPage). */
  search(args: SearchPageArgs): Promise<{ rows: SearchRow[]; total: number | null }> {
    return this.reads.search(args);
  }

  /** How many dated events of several kinds fall in each group: one statement (analyst-sql.ts, compileEventCounts). */
  eventCounts(sources: readonly CountedEvents[], by: "kind" | "month" | "year"): Promise<GroupCount[]> {
    return this.reads.eventCounts(sources, by);
  }

  /** How many rows of `model` match `where`, by group: one statement (analyst-sql.ts, compileGroupCounts). */
  groupCounts(model: ModelName, where: Condition, grouping: Grouping): Promise<GroupCount[]> {
    return this.reads.groupCounts(model, where, grouping);
  }

  /**
   * A relation of a row (read-model.ts): read ahead with the row when the compiler read it
   * (returned as is, no promise), else loaded in a batch by its foreign key or the row's id.
   */
  related<T extends ReadTypeName, F extends RelationName<T>>(
    parent: { id: string },
    type: T,
    field: F,
  ): Related<ReadModel[T]["relations"][F]> | Promise<Related<ReadModel[T]["relations"][F]>> {
    type Result = Related<ReadModel[T]["relations"][F]>;
    const row = parent as unknown as Record<string, unknown>;
    const ready = row[prefetchedKey(field)];
    if (ready !== undefined) return ready as Result;
    const relation = relationOf(type, field)!;
    if (relation.kind === "one") {
      const id = row[relation.foreignKey] as string | null | undefined;
      // A read plan reads the key of every to-one relation it does not read ahead (read-plan.ts).
      if (id === undefined) throw new Error(`${type}.${field}: the row has no ${relation.foreignKey}`);
      return (id ? this.selected(this.reads.wholeRows(relation.model)).load(id) : null) as Result | Promise<Result>;
    }
    return this.relatedLoader(readModel[type].model, relation).load(parent.id) as Promise<Result>;
  }

  /**
   * A to-many relation's rows for parents whose relation was not read ahead (e.g. rows a
   * mutation returned): one compiled statement for every parent asking in the same tick.
   */
  private relatedLoader(parentModel: ModelName, relation: ToMany | ToVariants): DataLoader<string, Record<string, unknown>[]> {
    let loader = this.relatedCache.get(relation);
    if (!loader) {
      loader = new DataLoader<string, Record<string, unknown>[]>(async (keys) => {
        const wanted = keys.filter(isUuid);
        const byParent = wanted.length ? await this.reads.relatedRows(parentModel, relation, wanted) : new Map<string, Record<string, unknown>[]>();
        return keys.map((key) => byParent.get(key) ?? []);
      });
      this.relatedCache.set(relation, loader);
    }
    return loader;
  }

  /** Rows of `model` by primary key; unknown ids give null. */
  byId<M extends ModelName>(model: M): DataLoader<string, Rows[M] | null> {
    return this.memo(`${model}:id`, () =>
      new DataLoader<string, Rows[M] | null>(async (ids) => {
        const wanted = ids.filter(isUuid);
        const rows = wanted.length
          ? await reader(this.prisma, model).findMany({ where: { id: { in: wanted } } })
          : [];
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    );
  }

  /** Rows of `model` whose unique `field` equals the key (slugs, ISO codes); unknown keys give null. */
  byUnique<M extends ModelName>(model: M, field: keyof Rows[M] & string): DataLoader<string, Rows[M] | null> {
    return this.memo(`${model}:${field}`, () =>
      new DataLoader<string, Rows[M] | null>(async (keys) => {
        const rows = await reader(this.prisma, model).findMany({ where: { [field]: { in: [...keys] } } });
        const byKey = new Map(rows.map((row) => [String(row[field]), row]));
        return keys.map((key) => byKey.get(key) ?? null);
      }),
    );
  }

  /**
   * The claims on facts of one kind, each with its article and whether it is current under the
   * merge rule (derive.ts): one statement for all the facts asked at one level. Ordered by the
   * fields' order in claim-fields.ts, then by source (oldest article first, the editor last).
   */
  claims(kind: FactKind): DataLoader<string, ClaimRow[]> {
    return this.memo(`claims:${kind}`, () =>
      new DataLoader(async (factIds) => {
        const claims = await claimsOf(this.prisma, kind, factIds.filter(isUuid));
        const fieldOrder = Object.keys(claimedFields[kind]);
        return groupBy(factIds, claims, (claim) => [claim.factId]).map((list) => {
          const { current } = deriveCurrent(kind, list.map(asClaimInput));
          const sourceTime = (claim: ClaimRow) => claim.article?.publishedOn.getTime() ?? Number.MAX_SAFE_INTEGER;
          return list
            .map((claim) => ({ ...claim, current: current.has(claim.id) }))
            .sort(
              (a, b) =>
                fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field) ||
                sourceTime(a) - sourceTime(b) ||
                (a.article?.slug ?? "").localeCompare(b.article?.slug ?? ""),
            );
        });
      }),
    );
  }

  /** The change log of facts, oldest first: one statement for all the facts asked at one level. */
  history(): DataLoader<string, Awaited<ReturnType<PrismaClient["change"]["findMany"]>>> {
    return this.memo("history", () =>
      new DataLoader(async (ids) => {
        const changes = await this.prisma.change.findMany({
          where: { entityId: { in: ids.filter(isUuid) } },
          orderBy: { seq: "asc" },
        });
        return groupBy(ids, changes, (change) => [change.entityId]);
      }),
    );
  }

  private memo<V>(key: string, create: () => DataLoader<string, V>): DataLoader<string, V> {
    let loader = this.cache.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = create();
      this.cache.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

type ClaimRow = Awaited<ReturnType<typeof claimsOf>>[number] & { current?: boolean };

/** Puts each row under every key it belongs to, keeping the rows' order, one list per key. */
function groupBy<Row>(
  keys: readonly string[],
  rows: Row[],
  keysOf: (row: Row) => (string | null)[],
): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    for (const key of new Set(keysOf(row))) {
      if (key !== null) groups.get(key)?.push(row);
    }
  }
  return keys.map((key) => groups.get(key) ?? []);
}
