-- statement 1
SELECT coalesce(json_agg(json_build_object('id', t0."id", 'title', t0."title", 'publisher', t0."publisher", 'publishedOn', t0."published_on", 'slug', t0."slug", '@facts', (
        SELECT coalesce(json_agg(t1."row"
            ORDER BY t1.k0 COLLATE "C", t1.k1 COLLATE "C", t1."id"), '[]'::json)
        FROM (
          SELECT json_build_object('id', t2."id", 'summary', t2."summary", 'quote', t2."quote", '@type', 'Statement', '@speakerPerson', (
              SELECT json_build_object('name', t4."name")
              FROM "person" t4
              WHERE t4."id" = t2."speaker_person_id"), '@speakerOrganization', (
              SELECT json_build_object('name', t5."name")
              FROM "organization" t5
              WHERE t5."id" = t2."speaker_organization_id")) AS "row", 'STATEMENT'::text AS k0, t2."slug"::text AS k1, t2."id" AS "id"
          FROM "statement" t2
          WHERE t2."id" IN (
            SELECT t3."fact_id"
            FROM "fact_source" t3
            WHERE t3."fact_kind" = 'STATEMENT' AND t3."article_id" = t0."id")) t1))), '[]'::json)::text AS "rows"
FROM "article" t0
WHERE t0."slug" = $1
