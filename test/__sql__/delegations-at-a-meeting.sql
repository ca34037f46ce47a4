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
        SELECT coalesce(json_agg(json_build_object('id', t4."id", '@country', CASE WHEN t5."id" IS NULL THEN NULL ELSE json_build_object('code', t5."code", 'name', t5."name") END, '@leader', (
                SELECT json_build_object('name', t6."name", '@roles', (
                    SELECT coalesce(json_agg(json_build_object('id', t7."id", 'title', t7."title", 'status', t7."status")
                        ORDER BY t7."title" ASC, t7."id" ASC), '[]'::json)
                    FROM "person_role" t7
                    WHERE t7."person_id" = t6."id"))
                FROM "person" t6
                WHERE t6."id" = t4."leader_id"), '@members', (
                SELECT coalesce(json_agg(json_build_object('id', t8."id", 'role', t8."role", 'roleNote', t8."role_note", '@person', CASE WHEN t9."id" IS NULL THEN NULL ELSE json_build_object('name', t9."name", 'isNamed', t9."is_named") END)
                    ORDER BY t9."name" ASC, t8."id" ASC), '[]'::json)
                FROM "delegation_member" t8
                LEFT JOIN "person" t9 ON t9."id" = t8."person_id"
                WHERE t8."delegation_id" = t4."id"))
            ORDER BY t5."name" ASC, t4."id" ASC), '[]'::json)
        FROM "delegation" t4
        LEFT JOIN "country" t5 ON t5."id" = t4."country_id"
        WHERE t4."meeting_id" = t0."id"))), '[]'::json)::text AS "rows"
FROM "meeting" t0
WHERE t0."slug" = ANY($1)
