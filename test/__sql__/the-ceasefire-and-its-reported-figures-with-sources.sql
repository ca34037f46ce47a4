-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", 'startDate', t0."start_date", 'status', t0."status", 'monitoringMechanism', t0."monitoring_mechanism", '@parties', (
        SELECT coalesce(json_agg(t1."row"
            ORDER BY t1.k0 COLLATE "C", t1."id"), '[]'::json)
        FROM (
          SELECT json_build_object('id', t2."id", 'name', t2."name", '@type', 'Country') AS "row", t2."name"::text AS k0, t2."id" AS "id"
          FROM "country" t2
          WHERE t2."id" IN (
            SELECT t3."country_id"
            FROM "ceasefire_party" t3
            WHERE t3."ceasefire_id" = t0."id")
          UNION ALL
          SELECT json_build_object('id', t4."id", 'name', t4."name", '@type', 'Organization') AS "row", t4."name"::text AS k0, t4."id" AS "id"
          FROM "organization" t4
          WHERE t4."id" IN (
            SELECT t5."organization_id"
            FROM "ceasefire_party" t5
            WHERE t5."ceasefire_id" = t0."id")) t1), '@figures', (
        SELECT coalesce(json_agg(json_build_object('id', t7."id", 'metric', t7."metric", 'value', t7."value", 'qualifier', t7."qualifier", 'quote', t7."quote", '@statement', (
                SELECT json_build_object('date', t8."date", '@speakerOrganization', (
                    SELECT json_build_object('name', t9."name")
                    FROM "organization" t9
                    WHERE t9."id" = t8."speaker_organization_id"))
                FROM "statement" t8
                WHERE t8."id" = t7."statement_id"), '@sources', (
                SELECT coalesce(json_agg(json_build_object('id', t11."id", 'title', t11."title", 'publisher', t11."publisher", 'publishedOn', t11."published_on")
                    ORDER BY t11.k0 ASC, t11.k1 ASC), '[]'::json)
                FROM (
                  SELECT t10."id", t10."title", t10."publisher", t10."published_on", t10."published_on" AS k0, t10."id" AS k1
                  FROM "article" t10
                  WHERE t10."id" IN (
                    SELECT t12."article_id"
                    FROM "fact_source" t12
                    WHERE (t12."fact_kind" = 'REPORTED_FIGURE') AND (t12."fact_id" = t7."id"))
                  ORDER BY t10."published_on" ASC, t10."id" ASC
                  LIMIT 21) t11))
            ORDER BY t7.k0 ASC, t7.k1 ASC), '[]'::json)
        FROM (
          SELECT t6."id", t6."metric", t6."value", t6."qualifier", t6."quote", t6."statement_id", t6."slug" AS k0, t6."id" AS k1
          FROM "reported_figure" t6
          WHERE t6."ceasefire_id" = t0."id"
          ORDER BY t6."slug" ASC, t6."id" ASC
          LIMIT 21) t7))
    ORDER BY t0."start_date" DESC NULLS LAST, t0."id" ASC), '[]'::json)::text AS "rows"
FROM (
  SELECT *
  FROM "ceasefire" t0
  WHERE TRUE
  ORDER BY t0."start_date" DESC NULLS LAST, t0."id" ASC
  LIMIT $1) t0
