-- Statements with several speakers and a place. A joint statement by two leaders has two
-- speakers: any number of countries, organizations and people, one row each (exactly one, by a
-- CHECK constraint), kept from the sources' claims like a ceasefire's parties. The statement's
-- speaker columns stay, as the first person, organization and country among its speakers, which the
-- claims' recompute keeps (the deprecated `speakerPerson`, `speakerOrganization` and
-- `speakerCountry` read them; the statement still needs one: statement_speaker_check).
CREATE TABLE "statement_speaker" (
    "id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "country_id" UUID,
    "organization_id" UUID,
    "person_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "statement_speaker_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "statement_speaker_one_speaker" CHECK (num_nonnulls("country_id", "organization_id", "person_id") = 1)
);
CREATE UNIQUE INDEX "statement_speaker_statement_id_country_id_key" ON "statement_speaker"("statement_id", "country_id");
CREATE UNIQUE INDEX "statement_speaker_statement_id_organization_id_key" ON "statement_speaker"("statement_id", "organization_id");
CREATE UNIQUE INDEX "statement_speaker_statement_id_person_id_key" ON "statement_speaker"("statement_id", "person_id");
CREATE INDEX "statement_speaker_by_country_idx" ON "statement_speaker"("country_id");
CREATE INDEX "statement_speaker_by_organization_idx" ON "statement_speaker"("organization_id");
CREATE INDEX "statement_speaker_by_person_idx" ON "statement_speaker"("person_id");
ALTER TABLE "statement_speaker" ADD CONSTRAINT "statement_speaker_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "statement_speaker" ADD CONSTRAINT "statement_speaker_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "statement_speaker" ADD CONSTRAINT "statement_speaker_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "statement_speaker" ADD CONSTRAINT "statement_speaker_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "statement" ADD COLUMN "place_id" UUID;
CREATE INDEX "statement_place_id_idx" ON "statement"("place_id");
ALTER TABLE "statement" ADD CONSTRAINT "statement_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The statements' speakers so far become rows.
INSERT INTO "statement_speaker" ("id", "statement_id", "person_id", "created_at", "created_by")
    SELECT gen_random_uuid(), "id", "speaker_person_id", "created_at", "created_by" FROM "statement" WHERE "speaker_person_id" IS NOT NULL;
INSERT INTO "statement_speaker" ("id", "statement_id", "organization_id", "created_at", "created_by")
    SELECT gen_random_uuid(), "id", "speaker_organization_id", "created_at", "created_by" FROM "statement" WHERE "speaker_organization_id" IS NOT NULL;
INSERT INTO "statement_speaker" ("id", "statement_id", "country_id", "created_at", "created_by")
    SELECT gen_random_uuid(), "id", "speaker_country_id", "created_at", "created_by" FROM "statement" WHERE "speaker_country_id" IS NOT NULL;

-- And what each source said of them becomes a claim on the sets: a speaker named, a set of one;
-- an editor's cleared speaker (a JSON null), an empty set.
UPDATE "claim" SET
    "field" = "field" || 's',
    "value" = CASE jsonb_typeof("value") WHEN 'null' THEN '[]'::jsonb ELSE jsonb_build_array("value") END
    WHERE "fact_kind" = 'STATEMENT' AND "field" IN ('speakerPersonId', 'speakerOrganizationId', 'speakerCountryId');
