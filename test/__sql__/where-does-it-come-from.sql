-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'title', t0."title", 'publisher', t0."publisher", 'publishedOn', t0."published_on", 'slug', t0."slug")), '[]'::json)::text AS "rows"
FROM "article" t0
WHERE t0."slug" = ANY($1)

-- statement 2
SELECT "t0"."id", "t0"."article_id" AS "articleId", "t0"."fact_kind"::text AS "factKind", "t0"."fact_id" AS "factId", "t0"."created_at" AS "createdAt", "t0"."created_by" AS "createdBy"
FROM "public"."fact_source" AS "t0"
WHERE "t0"."article_id" IN ($1)
ORDER BY "t0"."id" ASC

-- statement 3
SELECT "t0"."id", "t0"."slug", "t0"."summary", "t0"."quote", "t0"."channel", "t0"."date", "t0"."speaker_person_id" AS "speakerPersonId", "t0"."speaker_organization_id" AS "speakerOrganizationId", "t0"."speaker_country_id" AS "speakerCountryId", "t0"."ceasefire_id" AS "ceasefireId", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."statement" AS "t0"
WHERE "t0"."id" IN ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)

-- statement 4
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'slug', t0."slug", 'name', t0."name", 'aliases', t0."aliases", 'isNamed', t0."is_named", 'description', t0."description", 'nationalityId', t0."nationality_id", 'createdAt', t0."created_at", 'updatedAt', t0."updated_at", 'createdBy', t0."created_by", 'updatedBy', t0."updated_by")), '[]'::json)::text AS "rows"
FROM "person" t0
WHERE t0."id" = ANY($1)

-- statement 5
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'slug', t0."slug", 'name', t0."name", 'aliases', t0."aliases", 'kind', t0."kind", 'description', t0."description", 'countryId', t0."country_id", 'createdAt', t0."created_at", 'updatedAt', t0."updated_at", 'createdBy', t0."created_by", 'updatedBy', t0."updated_by")), '[]'::json)::text AS "rows"
FROM "organization" t0
WHERE t0."id" = ANY($1)
