-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'slug', t0."slug", 'title', t0."title", 'date', t0."date", 'purpose', t0."purpose", '@place', (
        SELECT json_build_object('name', t1."name")
        FROM "place" t1
        WHERE t1."id" = t0."place_id"), '@delegations', (
        SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t4."id", 'description', t4."description", '@country', t4."@country", '@leader', (
                  SELECT json_build_object('name', t5."name")
                  FROM "person" t5
                  WHERE t5."id" = t4."leader_id"), '@members', (
                  SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t8."id", 'role', t8."role", 'roleNote', t8."role_note", 'attendance', t8."attendance", '@person', t8."@person")
                        ORDER BY t8.k0 ASC, t8.k1 ASC), '[]'::json), 'total', coalesce(max(t8."@total"), 0))
                  FROM (
                    SELECT t6."id", t6."role", t6."role_note", t6."attendance", t7."name" AS k0, t6."id" AS k1, CASE WHEN t7."id" IS NULL THEN NULL ELSE json_build_object('name', t7."name") END AS "@person", count(*) OVER () AS "@total"
                    FROM "delegation_member" t6
                    LEFT JOIN "person" t7 ON t7."id" = t6."person_id"
                    WHERE t6."delegation_id" = t4."id"
                    ORDER BY t7."name" ASC, t6."id" ASC
                    LIMIT 21) t8))
              ORDER BY t4.k0 ASC, t4.k1 ASC), '[]'::json), 'total', coalesce(max(t4."@total"), 0))
        FROM (
          SELECT t2."id", t2."description", t2."leader_id", t3."name" AS k0, t2."id" AS k1, CASE WHEN t3."id" IS NULL THEN NULL ELSE json_build_object('code', t3."code", 'name', t3."name") END AS "@country", count(*) OVER () AS "@total"
          FROM "delegation" t2
          LEFT JOIN "country" t3 ON t3."id" = t2."country_id"
          WHERE t2."meeting_id" = t0."id"
          ORDER BY t3."name" ASC, t2."id" ASC
          LIMIT 21) t4))), '[]'::json)::text AS "rows"
FROM "meeting" t0
WHERE t0."id" = $1
