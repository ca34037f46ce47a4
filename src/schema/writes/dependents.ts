// What points at what, for deletes: a row others refer to is only deleted when the client asks
// to cascade; then rows that cannot exist without it are deleted too (and what depends on them),
// and optional references to it are cleared (by the database's ON DELETE SET NULL).
import { GraphQLError } from "graphql";
import { type ModelInfo, models } from "../../database/data-model";
import type { ModelName, Tx } from "../../database/rows";
import { FactKind, factKinds } from "../fact/fact-kind";
import { claimedFields, LINK_MODELS } from "../../claims/claim-fields";


interface Dependent {
  model: ModelName;
  field: string;
  /** `delete`: the dependent cannot exist without the row; `clear`: its reference becomes null. */
  removal: "delete" | "clear";
}

/**
 * Rows that must keep one of several optional references (enforced by CHECK constraints): a
 * statement needs a speaker; a link row of a claimed set (a ceasefire's party, a mediation, a
 * meeting's host...) the fact it belongs to and the row it links, by the columns its LinkSets
 * declare (claim-fields.ts). Losing the one they have deletes them.
 */
const needsOneOf: Partial<Record<ModelName, readonly string[]>> = { statement: ["speakerPersonId", "speakerOrganizationId", "speakerCountryId"] };
for (const { links } of Object.values(claimedFields).flatMap((fields) => Object.values(fields))) {
  if (links) needsOneOf[links.model] = [...new Set([...(needsOneOf[links.model] ?? []), links.parentKey, links.otherKey])];
}

/**
 * What refers to each model's rows, from the foreign keys in schema.prisma (database/data-model.ts):
 * a required reference (or one of `needsOneOf`) makes a dependent to delete, an optional one a
 * reference to clear. Deletes are listed first.
 */
export const dependentsOf: Partial<Record<ModelName, Dependent[]>> = (() => {
  // The facts, articles and what joins them; not the claim and change logs, which keep their own.
  const writable = new Set<ModelName>([...Object.values(factKinds).map((kind) => kind.model), "article", "factSource", ...LINK_MODELS]);
  const found: Partial<Record<ModelName, Dependent[]>> = {};
  for (const [model, info] of Object.entries(models) as [ModelName, ModelInfo][]) {
    if (!writable.has(model)) continue;
    for (const relation of Object.values(info.relations)) {
      if (relation.keyOn !== "self" || !writable.has(relation.model)) continue;
      const removal = relation.required || needsOneOf[model]?.includes(relation.foreignKey) ? "delete" : "clear";
      (found[relation.model] ??= []).push({ model, field: relation.foreignKey, removal });
    }
  }
  for (const list of Object.values(found)) list.sort((a, b) => Number(b.removal === "delete") - Number(a.removal === "delete"));
  return found;
})();

export interface Removed {
  model: ModelName;
  id: string;
}

interface IdReader {
  findMany(args: object): Promise<{ id: string }[]>;
  deleteMany(args: object): Promise<{ count: number }>;
}
const table = (tx: Tx, model: ModelName) => tx[model] as unknown as IdReader;

/**
 * Deletes `id` of `model`. Without `cascade`, a row that others point at is refused with
 * CONFLICT, naming what points at it. Returns every row removed, the target first.
 */
export async function deleteWithDependents(tx: Tx, model: ModelName, id: string, cascade: boolean): Promise<Removed[]> {
  if (!cascade) {
    const references = await directReferences(tx, model, id);
    if (references.length > 0) {
      const list = references.map((r) => `${r.count} ${r.model} (${r.field})`).join(", ");
      throw new GraphQLError(`This ${model} is referred to by ${list}; delete those first or pass cascade: true.`, {
        extensions: { code: "CONFLICT", references, http: { status: 409 } },
      });
    }
  }
  // Breadth-first: each level holds the rows that depend on the level before; deleting the
  // levels deepest first never leaves a row pointing at a deleted one.
  const levels: Removed[][] = [[{ model, id }]];
  const seen = new Set([`${model}:${id}`]);
  for (let level = levels[0]; level.length > 0; ) {
    const next: Removed[] = [];
    for (const [parentModel, ids] of groupIds(level)) {
      for (const dependent of dependentsOf[parentModel] ?? []) {
        if (dependent.removal !== "delete") continue;
        const rows = await table(tx, dependent.model).findMany({
          where: { [dependent.field]: { in: ids } },
          select: { id: true },
        });
        for (const row of rows) {
          const key = `${dependent.model}:${row.id}`;
          if (!seen.has(key)) {
            seen.add(key);
            next.push({ model: dependent.model, id: row.id });
          }
        }
      }
    }
    if (next.length > 0) levels.push(next);
    level = next;
  }
  for (const level of [...levels].reverse()) {
    for (const [levelModel, ids] of groupIds(level)) {
      await table(tx, levelModel).deleteMany({ where: { id: { in: ids } } });
      await forgetSources(tx, levelModel, ids);
    }
  }
  return levels.flat();
}

/** Source links, claims and statements' subjects are polymorphic (no foreign key): a deleted fact's go with it. */
async function forgetSources(tx: Tx, model: ModelName, ids: string[]): Promise<void> {
  const kind = (Object.keys(factKinds) as FactKind[]).find((k) => factKinds[k].model === model);
  if (kind) {
    await tx.factSource.deleteMany({ where: { factKind: kind, factId: { in: ids } } });
    await tx.claim.deleteMany({ where: { factKind: kind, factId: { in: ids } } });
    await tx.statementSubject.deleteMany({ where: { factKind: kind, factId: { in: ids } } });
  }
  // Claims that name a deleted row (a meeting's place, a ceasefire's party) no longer can:
  // recomputing would point at a row that is gone.
  await tx.$executeRaw`DELETE FROM "claim" WHERE jsonb_typeof("value") = 'string' AND "value" #>> '{}' = ANY(${ids}::text[])`;
  await tx.$executeRaw`UPDATE "claim" SET "value" = "value" - ${ids}::text[] WHERE jsonb_typeof("value") = 'array' AND "value" ?| ${ids}::text[]`;
}

/**
 * Rows that are parts of the fact they point at, not references to it: the link rows of its
 * claimed sets (a ceasefire's parties, an agreement's signatories, a meeting's mediators), by
 * table and the column that points at the fact. They go with it.
 */
const ownParts = new Set(
  Object.values(claimedFields).flatMap((fields) => Object.values(fields).flatMap(({ links }) => (links ? [`${links.model}.${links.parentKey}`] : []))),
);

async function directReferences(tx: Tx, model: ModelName, id: string) {
  const references: { model: ModelName; field: string; count: number }[] = [];
  for (const dependent of dependentsOf[model] ?? []) {
    if (dependent.model === "factSource") continue; // an article's own links are not references to it
    if (ownParts.has(`${dependent.model}.${dependent.field}`)) continue;
    const count = await (tx[dependent.model] as unknown as { count(a: object): Promise<number> }).count({
      where: { [dependent.field]: id },
    });
    if (count > 0) references.push({ model: dependent.model, field: dependent.field, count });
  }
  return references;
}

function groupIds(rows: Removed[]): Map<ModelName, string[]> {
  const groups = new Map<ModelName, string[]>();
  for (const row of rows) groups.set(row.model, [...(groups.get(row.model) ?? []), row.id]);
  return groups;
}
