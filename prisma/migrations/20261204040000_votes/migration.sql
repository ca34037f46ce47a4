-- Votes: a body (a cabinet, a parliament, a council) voting on a motion, on a date, with its
-- outcome and tally, about a ceasefire, an agreement or a plan, at a meeting or a place. A vote is
-- a dated event on the timeline and is searchable like every kind.
-- An enum value added here can only be used once this migration has committed; nothing below uses it.
ALTER TYPE "fact_kind" ADD VALUE 'VOTE';

CREATE TYPE "vote_outcome" AS ENUM ('ADOPTED', 'REJECTED');

CREATE TABLE "vote" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "date" DATE,
    "outcome" "vote_outcome",
    "votes_for" INTEGER,
    "votes_against" INTEGER,
    "abstentions" INTEGER,
    "body_id" UUID,
    "place_id" UUID,
    "meeting_id" UUID,
    "ceasefire_id" UUID,
    "agreement_id" UUID,
    "plan_id" UUID,
    "search_document" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT,
    "updated_by" TEXT,

    CONSTRAINT "vote_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "vote_tally_not_negative" CHECK ("votes_for" >= 0 AND "votes_against" >= 0 AND "abstentions" >= 0)
);
CREATE UNIQUE INDEX "vote_slug_key" ON "vote"("slug");
CREATE INDEX "vote_date_idx" ON "vote"("date");
CREATE INDEX "vote_body_id_idx" ON "vote"("body_id");
CREATE INDEX "vote_place_id_idx" ON "vote"("place_id");
CREATE INDEX "vote_meeting_id_idx" ON "vote"("meeting_id");
CREATE INDEX "vote_ceasefire_id_idx" ON "vote"("ceasefire_id");
CREATE INDEX "vote_agreement_id_idx" ON "vote"("agreement_id");
CREATE INDEX "vote_plan_id_idx" ON "vote"("plan_id");
ALTER TABLE "vote" ADD CONSTRAINT "vote_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "vote" ADD CONSTRAINT "vote_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "vote" ADD CONSTRAINT "vote_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "vote" ADD CONSTRAINT "vote_ceasefire_id_fkey" FOREIGN KEY ("ceasefire_id") REFERENCES "ceasefire"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "vote" ADD CONSTRAINT "vote_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "vote" ADD CONSTRAINT "vote_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Searchable like every kind (20261203000000_search; keep in step with search.kinds.ts).
CREATE TRIGGER "vote_search_document" BEFORE INSERT OR UPDATE OF "title", "summary" ON "vote"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('title', 'summary');
CREATE INDEX "vote_search_document_fts_idx" ON "vote" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "vote_search_document_trgm_idx" ON "vote" USING gin ("search_document" gin_trgm_ops);
