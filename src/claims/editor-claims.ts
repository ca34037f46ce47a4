// An editor's create/update through the API is a claim too, one that wins over every article
// (derive.ts): re-recording an article does not undo an edit. The row is then recomputed from
// all claims, so it reads the same whether the edit came before or after the articles.
import type { FactKind } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import { claimedFields, toClaimValue } from "./claim-fields";
import type { Tx } from "../database/rows";

/** Records the editor's values for the claimed fields given in `values` (replacing earlier ones). */
export async function recordEditorClaims(
  tx: Tx,
  kind: FactKind,
  factId: string,
  values: Record<string, unknown>,
  actor: string,
): Promise<void> {
  const given = Object.entries(values).filter(
    ([field, value]) => field in claimedFields[kind] && value !== undefined && !(claimedFields[kind][field].links && value === null),
  );
  if (given.length === 0) return;
  await tx.claim.deleteMany({
    where: { articleId: null, factKind: kind, factId, field: { in: given.map(([field]) => field) } },
  });
  await tx.claim.createMany({
    data: given.map(([field, value]) => ({
      factKind: kind,
      factId,
      field,
      value: value === null ? Prisma.JsonNull : ((value instanceof Date ? toClaimValue(value) : value) as Prisma.InputJsonValue),
      createdBy: actor,
    })),
  });
}
