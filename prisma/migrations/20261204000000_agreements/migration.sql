-- Agreements: treaties, accords, declarations and memoranda, signed or announced on a date, at a
-- place or a meeting, with their signatories (countries, organizations or people, each its own
-- row, as a ceasefire's parties are). A ceasefire may point to the agreement that set it;
-- deleting the agreement leaves the ceasefire, pointing to nothing.
CREATE TYPE "agreement_kind" AS ENUM ('TREATY', 'ACCORD', 'DECLARATION', 'MEMORANDUM', 'CEASEFIRE_AGREEMENT', 'OTHER');

-- An enum value added here can only be used once this migration has committed; nothing below uses it.
ALTER TYPE "fact_kind" ADD VALUE 'AGREEMENT';

CREATE TABLE "agreement" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kind" "agreement_kind" NOT NULL,
    "summary" TEXT,
    "signed_on" DATE,
    "announced_on" DATE,
    "place_id" UUID,
    "meeting_id" UUID,
    "search_document" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT,
    "updated_by" TEXT,

    CONSTRAINT "agreement_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "agreement_slug_key" ON "agreement"("slug");
CREATE INDEX "agreement_signed_on_idx" ON "agreement"("signed_on");
CREATE INDEX "agreement_place_id_idx" ON "agreement"("place_id");
CREATE INDEX "agreement_meeting_id_idx" ON "agreement"("meeting_id");
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One signatory per row: exactly one of a country, an organization or a person.
CREATE TABLE "agreement_signatory" (
    "id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "country_id" UUID,
    "organization_id" UUID,
    "person_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "agreement_signatory_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "agreement_signatory_one_signatory" CHECK (num_nonnulls("country_id", "organization_id", "person_id") = 1)
);
CREATE UNIQUE INDEX "agreement_signatory_agreement_id_country_id_key" ON "agreement_signatory"("agreement_id", "country_id");
CREATE UNIQUE INDEX "agreement_signatory_agreement_id_organization_id_key" ON "agreement_signatory"("agreement_id", "organization_id");
CREATE UNIQUE INDEX "agreement_signatory_agreement_id_person_id_key" ON "agreement_signatory"("agreement_id", "person_id");
CREATE INDEX "agreement_signatory_country_id_idx" ON "agreement_signatory"("country_id");
CREATE INDEX "agreement_signatory_organization_id_idx" ON "agreement_signatory"("organization_id");
CREATE INDEX "agreement_signatory_person_id_idx" ON "agreement_signatory"("person_id");
ALTER TABLE "agreement_signatory" ADD CONSTRAINT "agreement_signatory_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agreement_signatory" ADD CONSTRAINT "agreement_signatory_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agreement_signatory" ADD CONSTRAINT "agreement_signatory_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agreement_signatory" ADD CONSTRAINT "agreement_signatory_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ceasefire" ADD COLUMN "agreement_id" UUID;
CREATE INDEX "ceasefire_agreement_id_idx" ON "ceasefire"("agreement_id");
ALTER TABLE "ceasefire" ADD CONSTRAINT "ceasefire_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Searchable like every kind (20261203000000_search; keep in step with search.kinds.ts).
CREATE TRIGGER "agreement_search_document" BEFORE INSERT OR UPDATE OF "title", "aliases", "summary" ON "agreement"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('title', 'aliases', 'summary');
CREATE INDEX "agreement_search_document_fts_idx" ON "agreement" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "agreement_search_document_trgm_idx" ON "agreement" USING gin ("search_document" gin_trgm_ops);
