-- statement 1
SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", 'startDate', t0."start_date", 'status', t0."status", '@parties', (
          SELECT coalesce(json_agg(t1."row"
              ORDER BY t1.k0 COLLATE "C", t1."id"), '[]'::json)
          FROM (
            SELECT json_build_object('id', t2."id", 'code', t2."code", 'name', t2."name", '@type', 'Country') AS "row", t2."name"::text AS k0, t2."id" AS "id"
            FROM "country" t2
            WHERE t2."id" IN (
              SELECT t3."country_id"
              FROM "ceasefire_party" t3
              WHERE t3."ceasefire_id" = t0."id")
            UNION ALL
            SELECT json_build_object('id', t4."id", 'name', t4."name", 'kind', t4."kind", '@type', 'Organization') AS "row", t4."name"::text AS k0, t4."id" AS "id"
            FROM "organization" t4
            WHERE t4."id" IN (
              SELECT t5."organization_id"
              FROM "ceasefire_party" t5
              WHERE t5."ceasefire_id" = t0."id")) t1), '@meetings', (
          SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t7."id", 'title', t7."title", 'date', t7."date", '@place', (
                    SELECT json_build_object('name', t8."name")
                    FROM "place" t8
                    WHERE t8."id" = t7."place_id"))
                ORDER BY t7.k0 ASC, t7.k1 ASC, t7.k2 ASC), '[]'::json), 'total', coalesce(max(t7."@total"), 0))
          FROM (
            SELECT t6."id", t6."title", t6."date", t6."place_id", t6."date" AS k0, t6."slug" AS k1, t6."id" AS k2, count(*) OVER () AS "@total"
            FROM "meeting" t6
            WHERE t6."ceasefire_id" = t0."id"
            ORDER BY t6."date" ASC, t6."slug" ASC, t6."id" ASC
            LIMIT 6) t7))
      ORDER BY t0."start_date" DESC NULLS LAST, t0."id" ASC), '[]'::json), 'total', (
    SELECT count(*)
    FROM "ceasefire" t1
    WHERE TRUE))::text AS "rows"
FROM (
  SELECT *
  FROM "ceasefire" t0
  WHERE TRUE
  ORDER BY t0."start_date" DESC NULLS LAST, t0."id" ASC
  LIMIT $1) t0
