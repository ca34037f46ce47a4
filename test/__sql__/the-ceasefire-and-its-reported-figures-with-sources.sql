-- statement 1
SELECT "t0"."id", "t0"."slug", "t0"."name", "t0"."start_date" AS "startDate", "t0"."end_date" AS "endDate", "t0"."status"::text, "t0"."monitoring_mechanism" AS "monitoringMechanism", "t0"."summary", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."ceasefire" AS "t0"
WHERE 1=1
ORDER BY "t0"."start_date"DESC NULLS LAST, "t0"."id" ASC
LIMIT $1

-- statement 2
SELECT "t0"."id", "t0"."article_id" AS "articleId", "t0"."fact_kind"::text AS "factKind", "t0"."fact_id" AS "factId", "t0"."created_at" AS "createdAt", "t0"."created_by" AS "createdBy", "FactSource_article"."__prisma_data__" AS "article"
FROM "public"."fact_source" AS "t0"
LEFT JOIN "public"."article" AS "orderby_1" ON ("orderby_1"."id") = ("t0"."article_id")
LEFT JOIN LATERAL (
  SELECT JSONB_BUILD_OBJECT('id', "t1"."id", 'slug', "t1"."slug", 'title', "t1"."title", 'publisher', "t1"."publisher", 'agency', "t1"."agency", 'publishedOn', "t1"."published_on", 'url', "t1"."url", 'createdAt', "t1"."created_at", 'updatedAt', "t1"."updated_at", 'createdBy', "t1"."created_by", 'updatedBy', "t1"."updated_by") AS "__prisma_data__"
  FROM "public"."article" AS "t1"
  WHERE "t0"."article_id" = "t1"."id"
  LIMIT $1) AS "FactSource_article" ON true
WHERE ("t0"."fact_kind" = CAST($2::text AS "public"."fact_kind") AND "t0"."fact_id" IN ($3,$4))
ORDER BY "orderby_1"."published_on" ASC, "t0"."article_id" ASC

-- statement 3
SELECT "t0"."id", "t0"."ceasefire_id" AS "ceasefireId", "t0"."country_id" AS "countryId", "t0"."organization_id" AS "organizationId", "t0"."created_at" AS "createdAt", "t0"."created_by" AS "createdBy"
FROM "public"."ceasefire_party" AS "t0"
WHERE "t0"."ceasefire_id" IN ($1)
ORDER BY "t0"."id" ASC

-- statement 4
SELECT "t0"."id", "t0"."code", "t0"."name", "t0"."aliases", "t0"."search_text" AS "searchText", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."country" AS "t0"
WHERE "t0"."id" IN ($1)

-- statement 5
SELECT "t0"."id", "t0"."slug", "t0"."name", "t0"."aliases", "t0"."kind"::text, "t0"."description", "t0"."country_id" AS "countryId", "t0"."search_text" AS "searchText", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."organization" AS "t0"
WHERE "t0"."id" IN ($1)

-- statement 6
SELECT "t0"."id", "t0"."slug", "t0"."name", "t0"."aliases", "t0"."kind"::text, "t0"."description", "t0"."country_id" AS "countryId", "t0"."search_text" AS "searchText", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."organization" AS "t0"
WHERE "t0"."id" IN ($1)

-- statement 7
SELECT "t0"."id", "t0"."slug", "t0"."statement_id" AS "statementId", "t0"."ceasefire_id" AS "ceasefireId", "t0"."metric", "t0"."value", "t0"."qualifier"::text, "t0"."quote", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."reported_figure" AS "t0"
WHERE "t0"."ceasefire_id" IN ($1)
ORDER BY "t0"."slug" ASC, "t0"."id" ASC

-- statement 8
SELECT "t0"."id", "t0"."slug", "t0"."summary", "t0"."quote", "t0"."channel", "t0"."date", "t0"."speaker_person_id" AS "speakerPersonId", "t0"."speaker_organization_id" AS "speakerOrganizationId", "t0"."speaker_country_id" AS "speakerCountryId", "t0"."ceasefire_id" AS "ceasefireId", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."statement" AS "t0"
WHERE "t0"."id" IN ($1)
