-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", 'slug', t0."slug", '@roles', (
        SELECT coalesce(json_agg(json_build_object('id', t1."id", 'title', t1."title", '@country', (
                SELECT json_build_object('name', t2."name")
                FROM "country" t2
                WHERE t2."id" = t1."country_id"))
            ORDER BY t1."title" ASC, t1."id" ASC), '[]'::json)
        FROM "person_role" t1
        WHERE t1."person_id" = t0."id"))), '[]'::json)::text AS "rows"
FROM "person" t0
WHERE t0."slug" = ANY($1)

-- statement 2
SELECT "t0"."id", "t0"."code", "t0"."name", "t0"."aliases", "t0"."search_text" AS "searchText", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."country" AS "t0"
WHERE "t0"."id" IN ($1,$2,$3)

-- statement 3
SELECT "t0"."id", "t0"."meeting_id" AS "meetingId", "t0"."country_id" AS "countryId", "t0"."leader_id" AS "leaderId", "t0"."description", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."delegation" AS "t0"
LEFT JOIN "public"."country" AS "orderby_1" ON ("orderby_1"."id") = ("t0"."country_id")
WHERE "t0"."meeting_id" IN ($1,$2)
ORDER BY "orderby_1"."name" ASC, "t0"."id" ASC

-- statement 4
SELECT "t0"."id", "t0"."slug", "t0"."name", "t0"."aliases", "t0"."description", "t0"."country_id" AS "countryId", "t0"."search_text" AS "searchText", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."place" AS "t0"
WHERE "t0"."id" IN ($1,$2)

-- statement 5
SELECT "t0"."id", "t0"."slug", "t0"."name", "t0"."aliases", "t0"."is_named" AS "isNamed", "t0"."description", "t0"."nationality_id" AS "nationalityId", "t0"."search_text" AS "searchText", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy"
FROM "public"."person" AS "t0"
WHERE "t0"."id" IN ($1,$2,$3)

-- statement 6
SELECT "t0"."id", "t0"."slug", "t0"."title", "t0"."date", "t0"."purpose", "t0"."summary", "t0"."place_id" AS "placeId", "t0"."host_id" AS "hostId", "t0"."mediator_id" AS "mediatorId", "t0"."mediator_country_id" AS "mediatorCountryId", "t0"."ceasefire_id" AS "ceasefireId", "t0"."created_at" AS "createdAt", "t0"."updated_at" AS "updatedAt", "t0"."created_by" AS "createdBy", "t0"."updated_by" AS "updatedBy", "Meeting_delegations"."__prisma_data__" AS "delegations"
FROM "public"."meeting" AS "t0"
LEFT JOIN LATERAL (
  SELECT COALESCE(JSONB_AGG("__prisma_data__"), '[]') AS "__prisma_data__"
  FROM (
    SELECT "t5"."__prisma_data__"
    FROM (
      SELECT JSONB_BUILD_OBJECT('leaderId', "t4"."leader_id", 'members', "Delegation_members"."__prisma_data__") AS "__prisma_data__", "t4"."id"
      FROM (
        SELECT "t3".*
        FROM "public"."delegation" AS "t3"
        WHERE "t0"."id" = "t3"."meeting_id" /* root select */) AS "t4"
      LEFT JOIN LATERAL (
        SELECT COALESCE(JSONB_AGG("__prisma_data__"), '[]') AS "__prisma_data__"
        FROM (
          SELECT "t9"."__prisma_data__"
          FROM (
            SELECT JSONB_BUILD_OBJECT('personId', "t8"."person_id") AS "__prisma_data__"
            FROM (
              SELECT "t7".*
              FROM "public"."delegation_member" AS "t7"
              WHERE "t4"."id" = "t7"."delegation_id" /* root select */) AS "t8" /* inner select */) AS "t9" /* middle select */) AS "t10" /* outer select */) AS "Delegation_members" ON true /* inner select */) AS "t5" /* middle select */) AS "t6" /* outer select */) AS "Meeting_delegations" ON true
WHERE EXISTS(
  SELECT "t1"."meeting_id"
  FROM "public"."delegation" AS "t1"
  WHERE (("t1"."leader_id" IN ($1) OR EXISTS(
        SELECT "t2"."delegation_id"
        FROM "public"."delegation_member" AS "t2"
        WHERE ("t2"."person_id" IN ($2) AND ("t1"."id") = ("t2"."delegation_id") AND "t2"."delegation_id" IS NOT NULL))) AND ("t0"."id") = ("t1"."meeting_id") AND "t1"."meeting_id" IS NOT NULL))
ORDER BY "t0"."date"ASC NULLS LAST, "t0"."id" ASC
