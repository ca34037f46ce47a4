-- statement 1
SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", 'aliases', t0."aliases", '@nationality', (
          SELECT json_build_object('code', t1."code")
          FROM "country" t1
          WHERE t1."id" = t0."nationality_id"))
      ORDER BY t0."name" ASC, t0."id" ASC), '[]'::json), 'total', (
    SELECT count(*)
    FROM "person" t1
    WHERE t1."search_text"::text LIKE $3))::text AS "rows"
FROM (
  SELECT *
  FROM "person" t0
  WHERE t0."search_text"::text LIKE $1
  ORDER BY t0."name" ASC, t0."id" ASC
  LIMIT $2) t0
