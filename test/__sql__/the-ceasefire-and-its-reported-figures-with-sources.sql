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
        SELECT coalesce(json_agg(json_build_object('id', t6."id", 'metric', t6."metric", 'value', t6."value", 'qualifier', t6."qualifier", 'quote', t6."quote", '@statement', (
                SELECT json_build_object('date', t7."date", '@speakerOrganization', (
                    SELECT json_build_object('name', t8."name")
                    FROM "organization" t8
                    WHERE t8."id" = t7."speaker_organization_id"))
                FROM "statement" t7
                WHERE t7."id" = t6."statement_id"), '@sources', (
                SELECT coalesce(json_agg(json_build_object('id', t9."id", 'title', t9."title", 'publisher', t9."publisher", 'publishedOn', t9."published_on")
                    ORDER BY t9."published_on" ASC, t9."id" ASC), '[]'::json)
                FROM "article" t9
                WHERE t9."id" IN (
                  SELECT t10."article_id"
                  FROM "fact_source" t10
                  WHERE (t10."fact_kind" = 'REPORTED_FIGURE') AND (t10."fact_id" = t6."id"))))
            ORDER BY t6."slug" ASC, t6."id" ASC), '[]'::json)
        FROM "reported_figure" t6
        WHERE t6."ceasefire_id" = t0."id"))
    ORDER BY t0."start_date" DESC NULLS LAST, t0."id" ASC), '[]'::json)::text AS "rows"
FROM (
  SELECT *
  FROM "ceasefire" t0
  WHERE TRUE
  ORDER BY t0."start_date" DESC NULLS LAST, t0."id" ASC
  LIMIT $1) t0
