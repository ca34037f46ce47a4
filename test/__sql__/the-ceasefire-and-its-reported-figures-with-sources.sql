-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", 'startDate', t0."start_date", 'status', t0."status", 'monitoringMechanism', t0."monitoring_mechanism", '@figures', (
        SELECT coalesce(json_agg(json_build_object('id', t1."id", 'metric', t1."metric", 'value', t1."value", 'qualifier', t1."qualifier", 'quote', t1."quote", '@statement', (
                SELECT json_build_object('date', t2."date", '@speakerOrganization', (
                    SELECT json_build_object('name', t3."name")
                    FROM "organization" t3
                    WHERE t3."id" = t2."speaker_organization_id"))
                FROM "statement" t2
                WHERE t2."id" = t1."statement_id"), '@sources', (
                SELECT coalesce(json_agg(json_build_object('id', t4."id", 'title', t4."title", 'publisher', t4."publisher", 'publishedOn', t4."published_on")
                    ORDER BY t4."published_on" ASC, t4."id" ASC), '[]'::json)
                FROM "article" t4
                WHERE t4."id" IN (
                  SELECT t5."article_id"
                  FROM "fact_source" t5
                  WHERE (t5."fact_kind" = 'REPORTED_FIGURE') AND (t5."fact_id" = t1."id"))))
            ORDER BY t1."slug" ASC, t1."id" ASC), '[]'::json)
        FROM "reported_figure" t1
        WHERE t1."ceasefire_id" = t0."id"))
    ORDER BY t0."start_date" DESC NULLS LAST, t0."id" ASC), '[]'::json)::text AS "rows"
FROM (
  SELECT *
  FROM "ceasefire" t0
  WHERE (TRUE)
  ORDER BY t0."start_date" DESC NULLS LAST, t0."id" ASC
  LIMIT $1) t0

-- statement 2
SELECT "t0"."id", "t0"."ceasefire_id" AS "ceasefireId", "t0"."country_id" AS "countryId", "t0"."organization_id" AS "organizationId", "t0"."created_at" AS "createdAt", "t0"."created_by" AS "createdBy"
FROM "public"."ceasefire_party" AS "t0"
WHERE "t0"."ceasefire_id" IN ($1)
ORDER BY "t0"."id" ASC

-- statement 3
SELECT "t0"."id", "t0"."code", "t0"."name", "t0"."aliases", "t0"."search_text" AS "searchText", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."country" AS "t0"
WHERE "t0"."id" IN ($1)

-- statement 4
SELECT "t0"."id", "t0"."slug", "t0"."name", "t0"."aliases", "t0"."kind"::text, "t0"."description", "t0"."country_id" AS "countryId", "t0"."search_text" AS "searchText", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."organization" AS "t0"
WHERE "t0"."id" IN ($1)
