// How a writer tells every server that changes were logged: a PostgreSQL notification on one
// channel, carrying the id of the writing transaction. It is sent in that transaction, so
// PostgreSQL delivers it only if and when the transaction commits, in commit order, to every
// server listening on the primary (change-feed.ts), and never for a rolled-back write. Sent
// once per transaction however often it is asked (PostgreSQL folds identical notifications).

/** A transaction's raw-statement method (Prisma's). */
interface Transaction {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export const CHANGE_CHANNEL = "newsgraph_changes";

/** Queues the notification of the current transaction's changes (delivered on commit). */
export async function notifyChanges(tx: Transaction): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify($1, pg_current_xact_id()::text)`, CHANGE_CHANNEL);
}
