-- statement 1
SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t0."id", 'date', t0."date", 'summary', t0."summary", 'quote', t0."quote", '@speakerPerson', (
          SELECT json_build_object('name', t1."name")
          FROM "person" t1
          WHERE t1."id" = t0."speaker_person_id"), '@speakerOrganization', (
          SELECT json_build_object('name', t2."name")
          FROM "organization" t2
          WHERE t2."id" = t0."speaker_organization_id"), '@ceasefire', (
          SELECT json_build_object('name', t3."name")
          FROM "ceasefire" t3
          WHERE t3."id" = t0."ceasefire_id"))
      ORDER BY t0."date" DESC NULLS LAST, t0."id" ASC), '[]'::json), 'total', (
    SELECT count(*)
    FROM "statement" t3
    WHERE (t3."date" >= $5) AND (t3."id" IN (
        SELECT t4."fact_id"
        FROM "fact_source" t4
        WHERE t4."fact_kind" = $6 AND t4."article_id" = (
          SELECT t5."id"
          FROM "article" t5
          WHERE t5."slug" = $7)))))::text AS "rows"
FROM (
  SELECT *
  FROM "statement" t0
  WHERE (t0."date" >= $1) AND (t0."id" IN (
      SELECT t1."fact_id"
      FROM "fact_source" t1
      WHERE t1."fact_kind" = $2 AND t1."article_id" = (
        SELECT t2."id"
        FROM "article" t2
        WHERE t2."slug" = $3)))
  ORDER BY t0."date" DESC NULLS LAST, t0."id" ASC
  LIMIT $4) t0
