-- statement 1
SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t0."id", 'title', t0."title", 'date', t0."date", '@place', (
          SELECT json_build_object('name', t1."name")
          FROM "place" t1
          WHERE t1."id" = t0."place_id"))
      ORDER BY t0."date" ASC NULLS LAST, t0."id" ASC), '[]'::json), 'total', (
    SELECT count(*)
    FROM "meeting" t1
    WHERE (t1."date" >= $4) AND (t1."date" <= $5)))::text AS "rows"
FROM (
  SELECT *
  FROM "meeting" t0
  WHERE (t0."date" >= $1) AND (t0."date" <= $2)
  ORDER BY t0."date" ASC NULLS LAST, t0."id" ASC
  LIMIT $3) t0
