-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'slug', t0."slug", 'title', t0."title", 'date', t0."date", 'purpose', t0."purpose", '@place', (
        SELECT json_build_object('name', t1."name")
        FROM "place" t1
        WHERE t1."id" = t0."place_id"), '@delegations', (
        SELECT coalesce(json_agg(json_build_object('id', t2."id", 'description', t2."description", '@country', CASE WHEN t3."id" IS NULL THEN NULL ELSE json_build_object('code', t3."code", 'name', t3."name") END, '@leader', (
                SELECT json_build_object('name', t4."name")
                FROM "person" t4
                WHERE t4."id" = t2."leader_id"), '@members', (
                SELECT coalesce(json_agg(json_build_object('id', t5."id", 'role', t5."role", 'roleNote', t5."role_note", 'attendance', t5."attendance", '@person', CASE WHEN t6."id" IS NULL THEN NULL ELSE json_build_object('name', t6."name") END)
                    ORDER BY t6."name" ASC, t5."id" ASC), '[]'::json)
                FROM "delegation_member" t5
                LEFT JOIN "person" t6 ON t6."id" = t5."person_id"
                WHERE t5."delegation_id" = t2."id"))
            ORDER BY t3."name" ASC, t2."id" ASC), '[]'::json)
        FROM "delegation" t2
        LEFT JOIN "country" t3 ON t3."id" = t2."country_id"
        WHERE t2."meeting_id" = t0."id"))), '[]'::json)::text AS "rows"
FROM "meeting" t0
WHERE t0."id" = ANY($1)
