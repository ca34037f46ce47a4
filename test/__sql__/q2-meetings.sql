-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'title', t0."title", 'date', t0."date", '@delegations', (
        SELECT coalesce(json_agg(json_build_object('id', t1."id", '@country', CASE WHEN t2."id" IS NULL THEN NULL ELSE json_build_object('code', t2."code", 'name', t2."name") END, '@leader', (
                SELECT json_build_object('name', t3."name")
                FROM "person" t3
                WHERE t3."id" = t1."leader_id"))
            ORDER BY t2."name" ASC, t1."id" ASC), '[]'::json)
        FROM "delegation" t1
        LEFT JOIN "country" t2 ON t2."id" = t1."country_id"
        WHERE t1."meeting_id" = t0."id"))
    ORDER BY t0."date" ASC NULLS LAST, t0."id" ASC), '[]'::json)::text AS "rows"
FROM (
  SELECT *
  FROM "meeting" t0
  WHERE TRUE
  ORDER BY t0."date" ASC NULLS LAST, t0."id" ASC
  LIMIT $1) t0
