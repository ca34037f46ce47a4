-- Claims: what each article (or an editor) says about each field of each fact, kept with its
-- source; the fact's row holds the current value derived from them (src/claims/derive.ts).
-- History: one row per change (record, correction, edit, delete).

CREATE TABLE "claim" (
    "id" UUID NOT NULL,
    "article_id" UUID,
    "fact_kind" "fact_kind" NOT NULL,
    "fact_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "claim_article_id_fact_kind_fact_id_field_key" ON "claim"("article_id", "fact_kind", "fact_id", "field");
CREATE INDEX "claim_fact_kind_fact_id_idx" ON "claim"("fact_kind", "fact_id");

ALTER TABLE "claim" ADD CONSTRAINT "claim_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "change" (
    "id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "article_id" UUID,
    "article_slug" TEXT,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "change_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "change_entity_id_at_idx" ON "change"("entity_id", "at");
CREATE INDEX "change_article_id_at_idx" ON "change"("article_id", "at");

-- Backfill, so that an upgraded database behaves like a fresh one: every article already
-- recorded claims the current value of every field of every fact it is linked to (which article
-- said what before this migration is not known; the current values are the best account), and
-- a fact no article is linked to (created through the API) gets editor claims of its values.

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'COUNTRY', t."id", f."field", f."value", 'migration'
FROM "country" t
JOIN "fact_source" s ON s."fact_kind" = 'COUNTRY' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('aliases', CASE WHEN cardinality(t."aliases") > 0 THEN to_jsonb(t."aliases") END)
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'COUNTRY', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "country" t
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('aliases', CASE WHEN cardinality(t."aliases") > 0 THEN to_jsonb(t."aliases") END)
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'COUNTRY' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'PLACE', t."id", f."field", f."value", 'migration'
FROM "place" t
JOIN "fact_source" s ON s."fact_kind" = 'PLACE' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('aliases', CASE WHEN cardinality(t."aliases") > 0 THEN to_jsonb(t."aliases") END),
        ('description', to_jsonb(t."description")),
        ('countryId', to_jsonb(t."country_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'PLACE', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "place" t
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('aliases', CASE WHEN cardinality(t."aliases") > 0 THEN to_jsonb(t."aliases") END),
        ('description', to_jsonb(t."description")),
        ('countryId', to_jsonb(t."country_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'PLACE' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'ORGANIZATION', t."id", f."field", f."value", 'migration'
FROM "organization" t
JOIN "fact_source" s ON s."fact_kind" = 'ORGANIZATION' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('aliases', CASE WHEN cardinality(t."aliases") > 0 THEN to_jsonb(t."aliases") END),
        ('kind', to_jsonb(t."kind"::text)),
        ('description', to_jsonb(t."description")),
        ('countryId', to_jsonb(t."country_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'ORGANIZATION', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "organization" t
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('aliases', CASE WHEN cardinality(t."aliases") > 0 THEN to_jsonb(t."aliases") END),
        ('kind', to_jsonb(t."kind"::text)),
        ('description', to_jsonb(t."description")),
        ('countryId', to_jsonb(t."country_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'ORGANIZATION' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'PERSON', t."id", f."field", f."value", 'migration'
FROM "person" t
JOIN "fact_source" s ON s."fact_kind" = 'PERSON' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('aliases', CASE WHEN cardinality(t."aliases") > 0 THEN to_jsonb(t."aliases") END),
        ('isNamed', to_jsonb(t."is_named")),
        ('description', to_jsonb(t."description")),
        ('nationalityId', to_jsonb(t."nationality_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'PERSON', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "person" t
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('aliases', CASE WHEN cardinality(t."aliases") > 0 THEN to_jsonb(t."aliases") END),
        ('isNamed', to_jsonb(t."is_named")),
        ('description', to_jsonb(t."description")),
        ('nationalityId', to_jsonb(t."nationality_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'PERSON' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'PERSON_ROLE', t."id", f."field", f."value", 'migration'
FROM "person_role" t
JOIN "fact_source" s ON s."fact_kind" = 'PERSON_ROLE' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('personId', to_jsonb(t."person_id")),
        ('title', to_jsonb(t."title")),
        ('status', to_jsonb(t."status"::text)),
        ('organizationId', to_jsonb(t."organization_id")),
        ('countryId', to_jsonb(t."country_id")),
        ('startDate', to_jsonb(t."start_date")),
        ('endDate', to_jsonb(t."end_date"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'PERSON_ROLE', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "person_role" t
CROSS JOIN LATERAL (VALUES
        ('personId', to_jsonb(t."person_id")),
        ('title', to_jsonb(t."title")),
        ('status', to_jsonb(t."status"::text)),
        ('organizationId', to_jsonb(t."organization_id")),
        ('countryId', to_jsonb(t."country_id")),
        ('startDate', to_jsonb(t."start_date")),
        ('endDate', to_jsonb(t."end_date"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'PERSON_ROLE' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'CEASEFIRE', t."id", f."field", f."value", 'migration'
FROM "ceasefire" t
JOIN "fact_source" s ON s."fact_kind" = 'CEASEFIRE' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('startDate', to_jsonb(t."start_date")),
        ('endDate', to_jsonb(t."end_date")),
        ('status', to_jsonb(t."status"::text)),
        ('monitoringMechanism', to_jsonb(t."monitoring_mechanism")),
        ('summary', to_jsonb(t."summary"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'CEASEFIRE', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "ceasefire" t
CROSS JOIN LATERAL (VALUES
        ('name', to_jsonb(t."name")),
        ('startDate', to_jsonb(t."start_date")),
        ('endDate', to_jsonb(t."end_date")),
        ('status', to_jsonb(t."status"::text)),
        ('monitoringMechanism', to_jsonb(t."monitoring_mechanism")),
        ('summary', to_jsonb(t."summary"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'CEASEFIRE' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'MEETING', t."id", f."field", f."value", 'migration'
FROM "meeting" t
JOIN "fact_source" s ON s."fact_kind" = 'MEETING' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('title', to_jsonb(t."title")),
        ('date', to_jsonb(t."date")),
        ('purpose', to_jsonb(t."purpose")),
        ('summary', to_jsonb(t."summary")),
        ('placeId', to_jsonb(t."place_id")),
        ('hostId', to_jsonb(t."host_id")),
        ('mediatorId', to_jsonb(t."mediator_id")),
        ('mediatorCountryId', to_jsonb(t."mediator_country_id")),
        ('ceasefireId', to_jsonb(t."ceasefire_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'MEETING', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "meeting" t
CROSS JOIN LATERAL (VALUES
        ('title', to_jsonb(t."title")),
        ('date', to_jsonb(t."date")),
        ('purpose', to_jsonb(t."purpose")),
        ('summary', to_jsonb(t."summary")),
        ('placeId', to_jsonb(t."place_id")),
        ('hostId', to_jsonb(t."host_id")),
        ('mediatorId', to_jsonb(t."mediator_id")),
        ('mediatorCountryId', to_jsonb(t."mediator_country_id")),
        ('ceasefireId', to_jsonb(t."ceasefire_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'MEETING' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'DELEGATION', t."id", f."field", f."value", 'migration'
FROM "delegation" t
JOIN "fact_source" s ON s."fact_kind" = 'DELEGATION' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('leaderId', to_jsonb(t."leader_id")),
        ('description', to_jsonb(t."description"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'DELEGATION', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "delegation" t
CROSS JOIN LATERAL (VALUES
        ('leaderId', to_jsonb(t."leader_id")),
        ('description', to_jsonb(t."description"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'DELEGATION' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'DELEGATION_MEMBER', t."id", f."field", f."value", 'migration'
FROM "delegation_member" t
JOIN "fact_source" s ON s."fact_kind" = 'DELEGATION_MEMBER' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('role', to_jsonb(t."role"::text)),
        ('roleNote', to_jsonb(t."role_note")),
        ('attendance', to_jsonb(t."attendance"::text))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'DELEGATION_MEMBER', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "delegation_member" t
CROSS JOIN LATERAL (VALUES
        ('role', to_jsonb(t."role"::text)),
        ('roleNote', to_jsonb(t."role_note")),
        ('attendance', to_jsonb(t."attendance"::text))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'DELEGATION_MEMBER' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'STATEMENT', t."id", f."field", f."value", 'migration'
FROM "statement" t
JOIN "fact_source" s ON s."fact_kind" = 'STATEMENT' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('summary', to_jsonb(t."summary")),
        ('quote', to_jsonb(t."quote")),
        ('channel', to_jsonb(t."channel")),
        ('date', to_jsonb(t."date")),
        ('speakerPersonId', to_jsonb(t."speaker_person_id")),
        ('speakerOrganizationId', to_jsonb(t."speaker_organization_id")),
        ('speakerCountryId', to_jsonb(t."speaker_country_id")),
        ('ceasefireId', to_jsonb(t."ceasefire_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'STATEMENT', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "statement" t
CROSS JOIN LATERAL (VALUES
        ('summary', to_jsonb(t."summary")),
        ('quote', to_jsonb(t."quote")),
        ('channel', to_jsonb(t."channel")),
        ('date', to_jsonb(t."date")),
        ('speakerPersonId', to_jsonb(t."speaker_person_id")),
        ('speakerOrganizationId', to_jsonb(t."speaker_organization_id")),
        ('speakerCountryId', to_jsonb(t."speaker_country_id")),
        ('ceasefireId', to_jsonb(t."ceasefire_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'STATEMENT' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'REPORTED_FIGURE', t."id", f."field", f."value", 'migration'
FROM "reported_figure" t
JOIN "fact_source" s ON s."fact_kind" = 'REPORTED_FIGURE' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('statementId', to_jsonb(t."statement_id")),
        ('ceasefireId', to_jsonb(t."ceasefire_id")),
        ('metric', to_jsonb(t."metric")),
        ('value', to_jsonb(t."value")),
        ('qualifier', to_jsonb(t."qualifier"::text)),
        ('quote', to_jsonb(t."quote"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'REPORTED_FIGURE', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "reported_figure" t
CROSS JOIN LATERAL (VALUES
        ('statementId', to_jsonb(t."statement_id")),
        ('ceasefireId', to_jsonb(t."ceasefire_id")),
        ('metric', to_jsonb(t."metric")),
        ('value', to_jsonb(t."value")),
        ('qualifier', to_jsonb(t."qualifier"::text)),
        ('quote', to_jsonb(t."quote"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'REPORTED_FIGURE' AND s."fact_id" = t."id");

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'PLAN', t."id", f."field", f."value", 'migration'
FROM "plan" t
JOIN "fact_source" s ON s."fact_kind" = 'PLAN' AND s."fact_id" = t."id"
CROSS JOIN LATERAL (VALUES
        ('title', to_jsonb(t."title")),
        ('summary', to_jsonb(t."summary")),
        ('area', to_jsonb(t."area")),
        ('deadline', to_jsonb(t."deadline")),
        ('nextPhase', to_jsonb(t."next_phase")),
        ('responsibleOrganizationId', to_jsonb(t."responsible_organization_id")),
        ('targetOrganizationId', to_jsonb(t."target_organization_id")),
        ('approvedById', to_jsonb(t."approved_by_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb;

INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'PLAN', t."id", f."field", f."value", coalesce(t."updated_by", 'migration')
FROM "plan" t
CROSS JOIN LATERAL (VALUES
        ('title', to_jsonb(t."title")),
        ('summary', to_jsonb(t."summary")),
        ('area', to_jsonb(t."area")),
        ('deadline', to_jsonb(t."deadline")),
        ('nextPhase', to_jsonb(t."next_phase")),
        ('responsibleOrganizationId', to_jsonb(t."responsible_organization_id")),
        ('targetOrganizationId', to_jsonb(t."target_organization_id")),
        ('approvedById', to_jsonb(t."approved_by_id"))
    ) AS f("field", "value")
WHERE f."value" IS NOT NULL AND f."value" <> 'null'::jsonb
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'PLAN' AND s."fact_id" = t."id");

-- A ceasefire's parties: each article linked to the ceasefire claims its current parties.
INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), s."article_id", 'CEASEFIRE', p."ceasefire_id", f."field", f."value", 'migration'
FROM (
    SELECT "ceasefire_id",
           jsonb_agg("country_id" ORDER BY "created_at", "id") FILTER (WHERE "country_id" IS NOT NULL) AS countries,
           jsonb_agg("organization_id" ORDER BY "created_at", "id") FILTER (WHERE "organization_id" IS NOT NULL) AS organizations
    FROM "ceasefire_party" GROUP BY "ceasefire_id"
) p
JOIN "fact_source" s ON s."fact_kind" = 'CEASEFIRE' AND s."fact_id" = p."ceasefire_id"
CROSS JOIN LATERAL (VALUES ('partyCountryIds', p.countries), ('partyOrganizationIds', p.organizations)) AS f("field", "value")
WHERE f."value" IS NOT NULL;

-- The parties of a ceasefire no article is linked to are its editor's claims.
INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_by")
SELECT gen_random_uuid(), NULL, 'CEASEFIRE', p."ceasefire_id", f."field", f."value", 'migration'
FROM (
    SELECT "ceasefire_id",
           jsonb_agg("country_id" ORDER BY "created_at", "id") FILTER (WHERE "country_id" IS NOT NULL) AS countries,
           jsonb_agg("organization_id" ORDER BY "created_at", "id") FILTER (WHERE "organization_id" IS NOT NULL) AS organizations
    FROM "ceasefire_party" GROUP BY "ceasefire_id"
) p
CROSS JOIN LATERAL (VALUES ('partyCountryIds', p.countries), ('partyOrganizationIds', p.organizations)) AS f("field", "value")
WHERE f."value" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "fact_source" s WHERE s."fact_kind" = 'CEASEFIRE' AND s."fact_id" = p."ceasefire_id");
