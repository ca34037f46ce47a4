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
                SELECT json_build_object('name', t6."name", 'id', t6."id")
                FROM "person" t6
                WHERE t6."id" = t4."leader_id"), '@members', (
                SELECT coalesce(json_agg(json_build_object('id', t7."id", 'role', t7."role", 'roleNote', t7."role_note", '@person', CASE WHEN t8."id" IS NULL THEN NULL ELSE json_build_object('name', t8."name", 'isNamed', t8."is_named") END)
                    ORDER BY t8."name" ASC, t7."id" ASC), '[]'::json)
                FROM "delegation_member" t7
                LEFT JOIN "person" t8 ON t8."id" = t7."person_id"
                WHERE t7."delegation_id" = t4."id"))
            ORDER BY t5."name" ASC, t4."id" ASC), '[]'::json)
        FROM "delegation" t4
        LEFT JOIN "country" t5 ON t5."id" = t4."country_id"
        WHERE t4."meeting_id" = t0."id"))), '[]'::json)::text AS "rows"
FROM "meeting" t0
WHERE t0."slug" = ANY($1)

-- statement 2
SELECT "t0"."id", "t0"."slug", "t0"."person_id" AS "personId", "t0"."title", "t0"."status"::text, "t0"."organization_id" AS "organizationId", "t0"."country_id" AS "countryId", "t0"."start_date" AS "startDate", "t0"."end_date" AS "endDate", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."person_role" AS "t0"
WHERE "t0"."person_id" IN ($1,$2)
ORDER BY "t0"."title" ASC, "t0"."id" ASC
