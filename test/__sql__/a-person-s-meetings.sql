-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", 'slug', t0."slug", '@roles', (
        SELECT coalesce(json_agg(json_build_object('id', t2."id", 'title', t2."title", '@country', (
                SELECT json_build_object('name', t3."name")
                FROM "country" t3
                WHERE t3."id" = t2."country_id"))
            ORDER BY t2.k0 ASC, t2.k1 ASC), '[]'::json)
        FROM (
          SELECT t1."id", t1."title", t1."country_id", t1."title" AS k0, t1."id" AS k1
          FROM "person_role" t1
          WHERE t1."person_id" = t0."id"
          ORDER BY t1."title" ASC, t1."id" ASC
          LIMIT 21) t2), '@meetings', (
        SELECT coalesce(json_agg(json_build_object('id', t5."id", 'title', t5."title", 'date', t5."date", '@place', (
                SELECT json_build_object('name', t6."name")
                FROM "place" t6
                WHERE t6."id" = t5."place_id"), '@delegations', (
                SELECT coalesce(json_agg(json_build_object('id', t9."id", '@country', t9."@country", '@leader', (
                        SELECT json_build_object('name', t10."name")
                        FROM "person" t10
                        WHERE t10."id" = t9."leader_id"))
                    ORDER BY t9.k0 ASC, t9.k1 ASC), '[]'::json)
                FROM (
                  SELECT t7."id", t7."leader_id", t8."name" AS k0, t7."id" AS k1, CASE WHEN t8."id" IS NULL THEN NULL ELSE json_build_object('code', t8."code") END AS "@country"
                  FROM "delegation" t7
                  LEFT JOIN "country" t8 ON t8."id" = t7."country_id"
                  WHERE t7."meeting_id" = t5."id"
                  ORDER BY t8."name" ASC, t7."id" ASC
                  LIMIT 21) t9))
            ORDER BY t5.k0 ASC NULLS LAST, t5.k1 ASC), '[]'::json)
        FROM (
          SELECT t4."id", t4."title", t4."date", t4."place_id", t4."date" AS k0, t4."id" AS k1
          FROM "meeting" t4
          WHERE t4."id" IN (
            SELECT t11."meeting_id"
            FROM "delegation" t11
            WHERE t11."id" IN (
              SELECT t12."id"
              FROM "delegation" t12
              WHERE t12."leader_id" = t0."id"
              UNION
              SELECT t13."delegation_id"
              FROM "delegation_member" t13
              WHERE t13."person_id" = t0."id"))
          ORDER BY t4."date" ASC NULLS LAST, t4."id" ASC
          LIMIT 21) t5))), '[]'::json)::text AS "rows"
FROM "person" t0
WHERE t0."slug" = $1
