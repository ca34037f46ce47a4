-- Mediation as a relation: any number of mediators (people, organizations, countries) of a
-- meeting, a ceasefire or an agreement, one row each (exactly one mediated fact and exactly one
-- mediator, by CHECK constraints), kept like a ceasefire's parties: the union of what the sources
-- say (src/claims/claim-fields.ts). A meeting's `mediator_id` and `mediator_country_id` stay, as
-- the first person and the first country of its mediators, which the claims' recompute keeps
-- (the deprecated `Meeting.mediator` and `Meeting.mediatingCountry` read them).
CREATE TABLE "mediation" (
    "id" UUID NOT NULL,
    "meeting_id" UUID,
    "ceasefire_id" UUID,
    "agreement_id" UUID,
    "person_id" UUID,
    "organization_id" UUID,
    "country_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "mediation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "mediation_one_mediated" CHECK (num_nonnulls("meeting_id", "ceasefire_id", "agreement_id") = 1),
    CONSTRAINT "mediation_one_mediator" CHECK (num_nonnulls("person_id", "organization_id", "country_id") = 1)
);
CREATE UNIQUE INDEX "mediation_meeting_id_person_id_key" ON "mediation"("meeting_id", "person_id");
CREATE UNIQUE INDEX "mediation_meeting_id_organization_id_key" ON "mediation"("meeting_id", "organization_id");
CREATE UNIQUE INDEX "mediation_meeting_id_country_id_key" ON "mediation"("meeting_id", "country_id");
CREATE UNIQUE INDEX "mediation_ceasefire_id_person_id_key" ON "mediation"("ceasefire_id", "person_id");
CREATE UNIQUE INDEX "mediation_ceasefire_id_organization_id_key" ON "mediation"("ceasefire_id", "organization_id");
CREATE UNIQUE INDEX "mediation_ceasefire_id_country_id_key" ON "mediation"("ceasefire_id", "country_id");
CREATE UNIQUE INDEX "mediation_agreement_id_person_id_key" ON "mediation"("agreement_id", "person_id");
CREATE UNIQUE INDEX "mediation_agreement_id_organization_id_key" ON "mediation"("agreement_id", "organization_id");
CREATE UNIQUE INDEX "mediation_agreement_id_country_id_key" ON "mediation"("agreement_id", "country_id");
CREATE INDEX "mediation_person_id_idx" ON "mediation"("person_id");
CREATE INDEX "mediation_organization_id_idx" ON "mediation"("organization_id");
CREATE INDEX "mediation_country_id_idx" ON "mediation"("country_id");
ALTER TABLE "mediation" ADD CONSTRAINT "mediation_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "mediation" ADD CONSTRAINT "mediation_ceasefire_id_fkey" FOREIGN KEY ("ceasefire_id") REFERENCES "ceasefire"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "mediation" ADD CONSTRAINT "mediation_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "mediation" ADD CONSTRAINT "mediation_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "mediation" ADD CONSTRAINT "mediation_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "mediation" ADD CONSTRAINT "mediation_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The meetings' mediators so far become rows.
INSERT INTO "mediation" ("id", "meeting_id", "person_id", "created_at", "created_by")
    SELECT gen_random_uuid(), "id", "mediator_id", "created_at", "created_by" FROM "meeting" WHERE "mediator_id" IS NOT NULL;
INSERT INTO "mediation" ("id", "meeting_id", "country_id", "created_at", "created_by")
    SELECT gen_random_uuid(), "id", "mediator_country_id", "created_at", "created_by" FROM "meeting" WHERE "mediator_country_id" IS NOT NULL;

-- And what each source said of them becomes a claim on the set: a mediator named, a set of one;
-- an editor's cleared mediator (a JSON null), an empty set.
UPDATE "claim" SET
    "field" = CASE "field" WHEN 'mediatorId' THEN 'mediatorPersonIds' ELSE 'mediatorCountryIds' END,
    "value" = CASE jsonb_typeof("value") WHEN 'null' THEN '[]'::jsonb ELSE jsonb_build_array("value") END
    WHERE "fact_kind" = 'MEETING' AND "field" IN ('mediatorId', 'mediatorCountryId');
