-- statement 1
SELECT coalesce(json_agg(json_build_object('key', g."key", 'label', g."label", 'count', g."count")
    ORDER BY g."key" IS NULL, g."count" DESC, g."label" ASC, g."key" ASC), '[]'::json)::text AS "rows"
FROM (
  SELECT "key", "label", count(*)::int AS "count"
  FROM (
    SELECT k."key", k."label"
    FROM "meeting" t0
    LEFT JOIN LATERAL (
      SELECT DISTINCT t2."code"::text AS "key", t2."name"::text AS "label"
      FROM "delegation" t1
      JOIN "country" t2 ON t2."id" = t1."country_id"
      WHERE t1."meeting_id" = t0."id" AND t2."code"::text IS NOT NULL) k ON TRUE
    WHERE t0."date" >= $1) r
  GROUP BY 1, 2) g
