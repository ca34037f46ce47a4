-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", '@delegations', (
        SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t2."id", '@meeting', (
                  SELECT json_build_object('title', t3."title", 'date', t3."date")
                  FROM "meeting" t3
                  WHERE t3."id" = t2."meeting_id"), '@country', (
                  SELECT json_build_object('name', t4."name")
                  FROM "country" t4
                  WHERE t4."id" = t2."country_id"))
              ORDER BY t2.k0 ASC), '[]'::json), 'total', coalesce(max(t2."@total"), 0))
        FROM (
          SELECT t1."id", t1."meeting_id", t1."country_id", t1."id" AS k0, count(*) OVER () AS "@total"
          FROM "delegation" t1
          WHERE t1."id" IN (
            SELECT t5."id"
            FROM "delegation" t5
            WHERE t5."leader_id" = t0."id"
            UNION
            SELECT t6."delegation_id"
            FROM "delegation_member" t6
            WHERE t6."person_id" = t0."id")
          ORDER BY t1."id" ASC
          LIMIT 21) t2))
    ORDER BY t0."name" ASC, t0."id" ASC), '[]'::json)::text AS "rows"
FROM (
  SELECT *
  FROM "person" t0
  WHERE t0."search_text"::text LIKE $1
  ORDER BY t0."name" ASC, t0."id" ASC
  LIMIT $2) t0
