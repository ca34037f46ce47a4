-- Hosts of any kind: a meeting hosted by a head of state, a government or a UN force, or by
-- several at once. One meeting_host row per host (a country, an organization or a person; exactly
-- one, by a CHECK constraint), kept from the sources' claims like a statement's speakers. The
-- meeting's `host_id` stays, as the first organization among its hosts, which the claims'
-- recompute keeps (the deprecated `Meeting.host` reads it).
CREATE TABLE "meeting_host" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "country_id" UUID,
    "organization_id" UUID,
    "person_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "meeting_host_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "meeting_host_one_host" CHECK (num_nonnulls("country_id", "organization_id", "person_id") = 1)
);
CREATE UNIQUE INDEX "meeting_host_meeting_id_country_id_key" ON "meeting_host"("meeting_id", "country_id");
CREATE UNIQUE INDEX "meeting_host_meeting_id_organization_id_key" ON "meeting_host"("meeting_id", "organization_id");
CREATE UNIQUE INDEX "meeting_host_meeting_id_person_id_key" ON "meeting_host"("meeting_id", "person_id");
CREATE INDEX "meeting_host_country_id_idx" ON "meeting_host"("country_id");
CREATE INDEX "meeting_host_organization_id_idx" ON "meeting_host"("organization_id");
CREATE INDEX "meeting_host_person_id_idx" ON "meeting_host"("person_id");
ALTER TABLE "meeting_host" ADD CONSTRAINT "meeting_host_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "meeting_host" ADD CONSTRAINT "meeting_host_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "meeting_host" ADD CONSTRAINT "meeting_host_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "meeting_host" ADD CONSTRAINT "meeting_host_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The meetings' hosts so far become rows.
INSERT INTO "meeting_host" ("id", "meeting_id", "organization_id", "created_at", "created_by")
    SELECT gen_random_uuid(), "id", "host_id", "created_at", "created_by" FROM "meeting" WHERE "host_id" IS NOT NULL;

-- And what each source said of them becomes a claim on the set: a host named, a set of one;
-- an editor's cleared host (a JSON null), an empty set.
UPDATE "claim" SET
    "field" = 'hostOrganizationIds',
    "value" = CASE jsonb_typeof("value") WHEN 'null' THEN '[]'::jsonb ELSE jsonb_build_array("value") END
    WHERE "fact_kind" = 'MEETING' AND "field" = 'hostId';
