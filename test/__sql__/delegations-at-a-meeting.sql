-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'title', t0."title", 'date', t0."date", 'slug', t0."slug", '@place', (
        SELECT json_build_object('name', t1."name")
        FROM "place" t1
        WHERE t1."id" = t0."place_id"), '@host', (
        SELECT json_build_object('name', t2."name")
        FROM "organization" t2
        WHERE t2."id" = t0."host_id"), '@mediator', (
        SELECT json_build_object('name', t3."name")
        FROM "person" t3
        WHERE t3."id" = t0."mediator_id"), '@delegations', (
        SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t6."id", '@country', t6."@country", '@leader', (
                  SELECT json_build_object('name', t7."name", '@roles', (
                      SELECT coalesce(json_agg(json_build_object('id', t9."id", 'title', t9."title", 'status', t9."status")
                          ORDER BY t9.k0 ASC, t9.k1 ASC), '[]'::json)
                      FROM (
                        SELECT t8."id", t8."title", t8."status", t8."title" AS k0, t8."id" AS k1
                        FROM "person_role" t8
                        WHERE t8."person_id" = t7."id"
                        ORDER BY t8."title" ASC, t8."id" ASC
                        LIMIT 21) t9))
                  FROM "person" t7
                  WHERE t7."id" = t6."leader_id"), '@members', (
                  SELECT coalesce(json_agg(json_build_object('id', t12."id", 'role', t12."role", 'roleNote', t12."role_note", '@person', t12."@person")
                      ORDER BY t12.k0 ASC, t12.k1 ASC), '[]'::json)
                  FROM (
                    SELECT t10."id", t10."role", t10."role_note", t11."name" AS k0, t10."id" AS k1, CASE WHEN t11."id" IS NULL THEN NULL ELSE json_build_object('name', t11."name", 'isNamed', t11."is_named") END AS "@person"
                    FROM "delegation_member" t10
                    LEFT JOIN "person" t11 ON t11."id" = t10."person_id"
                    WHERE t10."delegation_id" = t6."id"
                    ORDER BY t11."name" ASC, t10."id" ASC
                    LIMIT 21) t12))
              ORDER BY t6.k0 ASC, t6.k1 ASC), '[]'::json), 'total', coalesce(max(t6."@total"), 0))
        FROM (
          SELECT t4."id", t4."leader_id", t5."name" AS k0, t4."id" AS k1, CASE WHEN t5."id" IS NULL THEN NULL ELSE json_build_object('code', t5."code", 'name', t5."name") END AS "@country", count(*) OVER () AS "@total"
          FROM "delegation" t4
          LEFT JOIN "country" t5 ON t5."id" = t4."country_id"
          WHERE t4."meeting_id" = t0."id"
          ORDER BY t5."name" ASC, t4."id" ASC
          LIMIT 21) t6))), '[]'::json)::text AS "rows"
FROM "meeting" t0
WHERE t0."slug" = $1
