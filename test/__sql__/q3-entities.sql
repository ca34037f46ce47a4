-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'title', t0."title", 'date', t0."date", '@delegations', (
        SELECT coalesce(json_agg(json_build_object('id', t3."id", '@country', t3."@country", '@leader', (
                SELECT json_build_object('name', t4."name")
                FROM "person" t4
                WHERE t4."id" = t3."leader_id"))
            ORDER BY t3.k0 ASC, t3.k1 ASC), '[]'::json)
        FROM (
          SELECT t1."id", t1."leader_id", t2."name" AS k0, t1."id" AS k1, CASE WHEN t2."id" IS NULL THEN NULL ELSE json_build_object('code', t2."code", 'name', t2."name") END AS "@country"
          FROM "delegation" t1
          LEFT JOIN "country" t2 ON t2."id" = t1."country_id"
          WHERE t1."meeting_id" = t0."id"
          ORDER BY t2."name" ASC, t1."id" ASC
          LIMIT 21) t3))), '[]'::json)::text AS "rows"
FROM "meeting" t0
WHERE t0."id" = ANY($1)
