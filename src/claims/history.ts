// The change log: one entry per fact (or article) a record, correction, edit or delete changed.
import type { Prisma } from "../generated/prisma/client";
import { notifyChanges } from "../events/change-notification";
import type { Tx } from "../database/rows";

export type ChangeAction = "CREATED" | "UPDATED" | "DELETED";

export interface ChangeEntry {
  entityType: string;
  entityId: string;
  action: ChangeAction;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface ChangeContext {
  actor: string;
  /** "import", "recordArticle", or the mutation's name. */
  via: string;
  article?: { id: string; slug: string } | null;
}

const json = (value: Record<string, unknown> | null | undefined) =>
  (value ?? undefined) as Prisma.InputJsonValue | undefined;

export async function logChanges(tx: Tx, context: ChangeContext, entries: ChangeEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.change.createMany({
    data: entries.map((entry) => ({
      actor: context.actor,
      via: context.via,
      articleId: context.article?.id ?? null,
      articleSlug: context.article?.slug ?? null,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: json(entry.before),
      after: json(entry.after),
    })),
  });
  // Subscribers on every server hear of these changes once the transaction commits (src/events).
  await notifyChanges(tx);
}
