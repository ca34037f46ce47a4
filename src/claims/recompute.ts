// Brings facts' rows in line with their claims: each row's claimed columns (and its link rows: a
// ceasefire's parties, an agreement's signatories) are set to the current values derive.ts computes. A row already right is not
// written (its updatedAt stays), so recomputing twice changes nothing.
import type { FactKind, Prisma, PrismaClient } from "../generated/prisma/client";
import type { Tx } from "../database/rows";
import { nextUpdatedAt } from "../database/updated-at";
import { factKinds } from "../database/fact-kinds";
import { claimedFields, fromClaimValue, type LinkSet, toClaimValue } from "./claim-fields";
import { type ClaimInput, deriveCurrent } from "./derive";


/** What recomputing changed in one row: the changed fields' old and new values (as JSON). */
export interface RowChange {
  kind: FactKind;
  id: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** Link rows (parties, signatories: rows other than the fact's own) added or removed. */
  extraRows: number;
}

interface LinkTable {
  findMany(args: object): Promise<Record<string, unknown>[]>;
  deleteMany(args: object): Promise<unknown>;
  createMany(args: object): Promise<unknown>;
}

/** The link rows (parties, signatories) of the facts `ids`, by link table. */
async function linkRowsOf(tx: Tx, kind: FactKind, ids: string[]): Promise<Map<LinkSet["model"], Record<string, unknown>[]>> {
  const byModel = new Map<LinkSet["model"], Record<string, unknown>[]>();
  for (const { links } of Object.values(claimedFields[kind])) {
    if (!links || byModel.has(links.model)) continue;
    byModel.set(links.model, await (tx[links.model] as unknown as LinkTable).findMany({ where: { [links.parentKey]: { in: ids } } }));
  }
  return byModel;
}

interface RowTable {
  findMany(args: object): Promise<Record<string, unknown>[]>;
  update(args: object): Promise<Record<string, unknown>>;
}

/** The claims of the given facts, with their articles' date and slug, for deriveCurrent. */
export async function claimsOf(tx: Tx | PrismaClient, kind: FactKind, ids: string[]) {
  return tx.claim.findMany({
    where: { factKind: kind, factId: { in: ids } },
    include: { article: { select: { slug: true, publishedOn: true, title: true, id: true } } },
    orderBy: [{ field: "asc" }, { id: "asc" }],
  });
}

export function asClaimInput(claim: { id: string; field: string; value: Prisma.JsonValue; article: { slug: string; publishedOn: Date } | null }): ClaimInput {
  return { id: claim.id, field: claim.field, value: claim.value, article: claim.article };
}

/** Recomputes the rows of `ids` (of one kind) from their claims; returns the rows that changed. */
export async function recompute(tx: Tx, kind: FactKind, ids: string[], actor: string): Promise<RowChange[]> {
  if (ids.length === 0) return [];
  const fields = claimedFields[kind];
  const table = tx[factKinds[kind].model] as unknown as RowTable;
  // Lock the rows first (in id order, kinds in a fixed order: no deadlocks), so that two imports
  // naming the same fact at once recompute it one after the other, the second seeing the first's
  // claims: neither's contribution is lost, whichever commits first. NO KEY UPDATE, the lock an
  // UPDATE of non-key columns takes, does not block rows that merely refer to these (foreign keys).
  const tableName = factKinds[kind].model.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${tableName}" WHERE "id" = ANY($1::uuid[]) ORDER BY "id" FOR NO KEY UPDATE`, ids);
  const [claims, rows] = await Promise.all([
    claimsOf(tx, kind, ids),
    table.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
  ]);
  const links = await linkRowsOf(tx, kind, ids);
  const changes: RowChange[] = [];
  for (const row of rows) {
    const id = row.id as string;
    const { values } = deriveCurrent(kind, claims.filter((claim) => claim.factId === id).map(asClaimInput));
    const data: Record<string, unknown> = {};
    const change: RowChange = { kind, id, before: {}, after: {}, extraRows: 0 };
    for (const [field, spec] of Object.entries(fields)) {
      if (!(field in values)) continue;
      if (spec.links) {
        const { model, parentKey, otherKey, firstInto, fixed = {} } = spec.links;
        const inSet = (link: Record<string, unknown>) => Object.entries(fixed).every(([column, value]) => link[column] === value);
        const wanted = new Set((values[field] as string[] | null) ?? []);
        const first = [...wanted][0] ?? null;
        if (firstInto && (row[firstInto] ?? null) !== first) {
          data[firstInto] = first;
          change.before[firstInto] = row[firstInto] ?? null;
          change.after[firstInto] = first;
        }
        const have = (links.get(model) ?? []).filter((link) => link[parentKey] === id && link[otherKey] !== null && inSet(link));
        const stale = have.filter((link) => !wanted.has(link[otherKey] as string));
        const missing = [...wanted].filter((other) => !have.some((link) => link[otherKey] === other));
        if (stale.length === 0 && missing.length === 0) continue;
        const table = tx[model] as unknown as LinkTable;
        if (stale.length > 0) await table.deleteMany({ where: { id: { in: stale.map((link) => link.id) } } });
        if (missing.length > 0) await table.createMany({ data: missing.map((other) => ({ [parentKey]: id, [otherKey]: other, ...fixed, createdBy: actor })) });
        change.before[field] = have.map((link) => link[otherKey]);
        change.after[field] = [...wanted];
        change.extraRows += stale.length + missing.length;
        continue;
      }
      const value = fromClaimValue(spec, values[field]);
      if (sameValue(row[field], value)) continue;
      data[field] = value;
      change.before[field] = toClaimValue(row[field]);
      change.after[field] = toClaimValue(value);
    }
    if (Object.keys(data).length > 0) {
      await table.update({
        where: { id },
        data: { ...data, updatedBy: actor, updatedAt: nextUpdatedAt(row.updatedAt as Date) },
      });
    }
    if (Object.keys(change.after).length > 0) changes.push(change);
  }
  return changes;
}

/**
 * Facts in the one order every writer locks rows in (kinds in factKinds' order, ids sorted
 * within a kind), so that concurrent imports and edits cannot deadlock (see recompute).
 */
export function inLockOrder<Fact extends { factKind: FactKind; factId: string }>(facts: Iterable<Fact>): Fact[] {
  const kinds = Object.keys(factKinds);
  return [...facts].sort(
    (a, b) => kinds.indexOf(a.factKind) - kinds.indexOf(b.factKind) || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0),
  );
}

/** Recomputes facts of any kinds, in lock order; returns the rows that changed. */
export async function recomputeFacts(
  tx: Tx,
  facts: Iterable<{ factKind: FactKind; factId: string }>,
  actor: string,
): Promise<RowChange[]> {
  const idsByKind = new Map<FactKind, Set<string>>();
  for (const { factKind, factId } of inLockOrder(facts)) idsByKind.set(factKind, (idsByKind.get(factKind) ?? new Set()).add(factId));
  const changes: RowChange[] = [];
  for (const [kind, ids] of idsByKind) changes.push(...(await recompute(tx, kind, [...ids], actor)));
  return changes;
}

export function sameValue(stored: unknown, given: unknown): boolean {
  if (stored instanceof Date && given instanceof Date) return stored.getTime() === given.getTime();
  if (Array.isArray(stored) && Array.isArray(given)) return JSON.stringify(stored) === JSON.stringify(given);
  return (stored ?? null) === (given ?? null);
}

/** The claimed fields of a row, as claim values (for a history entry of a created or deleted fact). */
export function claimedValues(kind: FactKind, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(claimedFields[kind])
      .filter(([field, spec]) => !spec.links && field in row)
      .map(([field]) => [field, toClaimValue(row[field])]),
  );
}
