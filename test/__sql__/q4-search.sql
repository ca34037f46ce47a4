-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", '@delegations', (
        SELECT coalesce(json_agg(json_build_object('id', t1."id", '@meeting', (
                SELECT json_build_object('title', t2."title", 'date', t2."date")
                FROM "meeting" t2
                WHERE t2."id" = t1."meeting_id"), '@country', (
                SELECT json_build_object('name', t3."name")
                FROM "country" t3
                WHERE t3."id" = t1."country_id"))
            ORDER BY t1."id" ASC), '[]'::json)
        FROM "delegation" t1
        WHERE t1."id" IN (
          SELECT t4."id"
          FROM "delegation" t4
          WHERE t4."leader_id" = t0."id"
          UNION
          SELECT t5."delegation_id"
          FROM "delegation_member" t5
          WHERE t5."person_id" = t0."id")))
    ORDER BY t0."name" ASC, t0."id" ASC), '[]'::json)::text AS "rows"
FROM (
  SELECT *
  FROM "person" t0
  WHERE t0."search_text"::text LIKE $1
  ORDER BY t0."name" ASC, t0."id" ASC
  LIMIT $2) t0
