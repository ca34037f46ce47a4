-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", 'slug', t0."slug", '@roles', (
        SELECT coalesce(json_agg(json_build_object('id', t1."id", 'title', t1."title", '@country', (
                SELECT json_build_object('name', t2."name")
                FROM "country" t2
                WHERE t2."id" = t1."country_id"))
            ORDER BY t1."title" ASC, t1."id" ASC), '[]'::json)
        FROM "person_role" t1
        WHERE t1."person_id" = t0."id"), '@meetings', (
        SELECT coalesce(json_agg(json_build_object('id', t3."id", 'title', t3."title", 'date', t3."date", '@place', (
                SELECT json_build_object('name', t4."name")
                FROM "place" t4
                WHERE t4."id" = t3."place_id"), '@delegations', (
                SELECT coalesce(json_agg(json_build_object('id', t5."id", '@country', CASE WHEN t6."id" IS NULL THEN NULL ELSE json_build_object('code', t6."code") END, '@leader', (
                        SELECT json_build_object('name', t7."name")
                        FROM "person" t7
                        WHERE t7."id" = t5."leader_id"))
                    ORDER BY t6."name" ASC, t5."id" ASC), '[]'::json)
                FROM "delegation" t5
                LEFT JOIN "country" t6 ON t6."id" = t5."country_id"
                WHERE t5."meeting_id" = t3."id"))
            ORDER BY t3."date" ASC NULLS LAST, t3."id" ASC), '[]'::json)
        FROM "meeting" t3
        WHERE t3."id" IN (
          SELECT t8."meeting_id"
          FROM "delegation" t8
          WHERE t8."id" IN (
            SELECT t9."id"
            FROM "delegation" t9
            WHERE t9."leader_id" = t0."id"
            UNION
            SELECT t10."delegation_id"
            FROM "delegation_member" t10
            WHERE t10."person_id" = t0."id"))))), '[]'::json)::text AS "rows"
FROM "person" t0
WHERE t0."slug" = ANY($1)
