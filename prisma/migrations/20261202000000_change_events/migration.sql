-- Change events (src/events): each change-log row records the transaction that wrote it. The
-- writer notifies the channel `newsgraph_changes` with that transaction's id, in the transaction,
-- and PostgreSQL delivers the notification to every listening server only once it commits: a
-- server then reads exactly that transaction's rows. Rows written before this migration share
-- the migration's transaction id, which no notification names.
ALTER TABLE "change" ADD COLUMN "tx" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);

CREATE INDEX "change_tx_idx" ON "change"("tx");

-- A server that lost its listening connection catches up on what committed meanwhile by time.
CREATE INDEX "change_at_idx" ON "change"("at");
