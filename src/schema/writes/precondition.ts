// The optional precondition of update<Entity> and delete<Entity>: the `updatedAt` the client
// read. The write happens only if the row still has it; otherwise CONFLICT, and nothing is
// written. Checked by the database in the transaction that then writes, so it is race-free.
import { GraphQLError } from "graphql";
import type { ModelName, Tx } from "../../database/rows";


interface VersionedTable {
  updateMany(args: object): Promise<{ count: number }>;
  findUnique(args: object): Promise<{ updatedAt: Date } | null>;
}

export const PRECONDITION_ARGUMENT = "expectedUpdatedAt";
export const PRECONDITION_DESCRIPTION =
  "The `updatedAt` you read. Given, the change is made only if the row still has exactly this " +
  "value; if it changed since, the answer is CONFLICT with `extensions.currentUpdatedAt` and nothing is written.";

/**
 * Locks the row for the rest of the transaction if its updatedAt is still `expected`. The
 * conditional UPDATE is the check: PostgreSQL re-reads a row a concurrent transaction changed
 * before matching it, so of two writers holding the same value only the first matches; the
 * other gets count 0 and CONFLICT. (It writes the same value back: the lock is what matters.)
 * Returns false when the row does not exist.
 */
export async function claimIfUnchanged(tx: Tx, model: ModelName, id: string, expected: Date): Promise<boolean> {
  const table = tx[model] as unknown as VersionedTable;
  const claimed = await table.updateMany({ where: { id, updatedAt: expected }, data: { updatedAt: expected } });
  if (claimed.count === 1) return true;
  const current = await table.findUnique({ where: { id }, select: { updatedAt: true } });
  if (!current) return false;
  throw new GraphQLError(
    `This ${model} was changed at ${current.updatedAt.toISOString()}, after the ${expected.toISOString()} you read; ` +
      "read it again and retry.",
    { extensions: { code: "CONFLICT", currentUpdatedAt: current.updatedAt.toISOString(), http: { status: 409 } } },
  );
}
