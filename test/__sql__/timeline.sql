-- statement 1
SELECT json_build_object('rows', coalesce(json_agg(json_build_object('date', e."date", 'rank', e."rank", 'subject', e."subject")
      ORDER BY e."date" ASC, e."rank" ASC, e."id" ASC), '[]'::json), 'total', (
    SELECT count(*)
    FROM "ceasefire" t0
    WHERE (t0."start_date" IS NOT NULL) AND ((t0."start_date" >= $21) AND (EXISTS (
          SELECT 1
          FROM "ceasefire_party" t1
          WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
              SELECT 1
              FROM "country" t2
              WHERE t2."id" = t1."country_id" AND (t2."code" = $22))))))) + (
    SELECT count(*)
    FROM "meeting" t0
    WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $23) AND ((EXISTS (
            SELECT 1
            FROM "country" t1
            WHERE t1."id" = t0."mediator_country_id" AND (t1."code" = $24))) OR (EXISTS (
            SELECT 1
            FROM "delegation" t2
            WHERE t2."meeting_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t3
                WHERE t3."id" = t2."country_id" AND (t3."code" = $25)))))))) + (
    SELECT count(*)
    FROM "agreement" t0
    WHERE (t0."signed_on" IS NOT NULL) AND ((t0."signed_on" >= $26) AND ((EXISTS (
            SELECT 1
            FROM "agreement_signatory" t1
            WHERE t1."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $27))))) OR (EXISTS (
            SELECT 1
            FROM "agreement_signatory" t3
            WHERE t3."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "person" t4
                WHERE t4."id" = t3."person_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t5
                    WHERE t5."id" = t4."nationality_id" AND (t5."code" = $28))))))) OR (EXISTS (
            SELECT 1
            FROM "agreement_signatory" t6
            WHERE t6."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "organization" t7
                WHERE t7."id" = t6."organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t8
                    WHERE t8."id" = t7."country_id" AND (t8."code" = $29)))))))))) + (
    SELECT count(*)
    FROM "statement" t0
    WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $30) AND ((EXISTS (
            SELECT 1
            FROM "country" t1
            WHERE t1."id" = t0."speaker_country_id" AND (t1."code" = $31))) OR (EXISTS (
            SELECT 1
            FROM "person" t2
            WHERE t2."id" = t0."speaker_person_id" AND (EXISTS (
                SELECT 1
                FROM "country" t3
                WHERE t3."id" = t2."nationality_id" AND (t3."code" = $32))))) OR (EXISTS (
            SELECT 1
            FROM "organization" t4
            WHERE t4."id" = t0."speaker_organization_id" AND (EXISTS (
                SELECT 1
                FROM "country" t5
                WHERE t5."id" = t4."country_id" AND (t5."code" = $33)))))))) + (
    SELECT count(*)
    FROM "plan" t0
    WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $34) AND ((EXISTS (
            SELECT 1
            FROM "organization" t1
            WHERE t1."id" = t0."responsible_organization_id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $35))))) OR (EXISTS (
            SELECT 1
            FROM "organization" t3
            WHERE t3."id" = t0."target_organization_id" AND (EXISTS (
                SELECT 1
                FROM "country" t4
                WHERE t4."id" = t3."country_id" AND (t4."code" = $36))))) OR (EXISTS (
            SELECT 1
            FROM "organization" t5
            WHERE t5."id" = t0."approved_by_id" AND (EXISTS (
                SELECT 1
                FROM "country" t6
                WHERE t6."id" = t5."country_id" AND (t6."code" = $37)))))))) + (
    SELECT count(*)
    FROM "ceasefire" t0
    WHERE (t0."end_date" IS NOT NULL) AND ((t0."end_date" >= $38) AND (EXISTS (
          SELECT 1
          FROM "ceasefire_party" t1
          WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
              SELECT 1
              FROM "country" t2
              WHERE t2."id" = t1."country_id" AND (t2."code" = $39))))))))::text AS "rows"
FROM (
  SELECT *
  FROM ((
      SELECT t0."start_date" AS "date", 0 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'name', t0."name", 'status', t0."status") AS "subject"
      FROM (
        SELECT *
        FROM "ceasefire" t0
        WHERE (t0."start_date" IS NOT NULL) AND ((t0."start_date" >= $2) AND (EXISTS (
              SELECT 1
              FROM "ceasefire_party" t1
              WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
                  SELECT 1
                  FROM "country" t2
                  WHERE t2."id" = t1."country_id" AND (t2."code" = $3))))))
        ORDER BY t0."start_date" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."date" AS "date", 1 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'title', t0."title", '@place', (
          SELECT json_build_object('name', t1."name")
          FROM "place" t1
          WHERE t1."id" = t0."place_id")) AS "subject"
      FROM (
        SELECT *
        FROM "meeting" t0
        WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $4) AND ((EXISTS (
                SELECT 1
                FROM "country" t1
                WHERE t1."id" = t0."mediator_country_id" AND (t1."code" = $5))) OR (EXISTS (
                SELECT 1
                FROM "delegation" t2
                WHERE t2."meeting_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t3
                    WHERE t3."id" = t2."country_id" AND (t3."code" = $6)))))))
        ORDER BY t0."date" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."signed_on" AS "date", 2 AS "rank", t0."id" AS "id", json_build_object('id', t0."id") AS "subject"
      FROM (
        SELECT *
        FROM "agreement" t0
        WHERE (t0."signed_on" IS NOT NULL) AND ((t0."signed_on" >= $7) AND ((EXISTS (
                SELECT 1
                FROM "agreement_signatory" t1
                WHERE t1."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $8))))) OR (EXISTS (
                SELECT 1
                FROM "agreement_signatory" t3
                WHERE t3."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "person" t4
                    WHERE t4."id" = t3."person_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t5
                        WHERE t5."id" = t4."nationality_id" AND (t5."code" = $9))))))) OR (EXISTS (
                SELECT 1
                FROM "agreement_signatory" t6
                WHERE t6."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "organization" t7
                    WHERE t7."id" = t6."organization_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t8
                        WHERE t8."id" = t7."country_id" AND (t8."code" = $10)))))))))
        ORDER BY t0."signed_on" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."date" AS "date", 3 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'summary', t0."summary", '@speakerPerson', (
          SELECT json_build_object('name', t1."name")
          FROM "person" t1
          WHERE t1."id" = t0."speaker_person_id")) AS "subject"
      FROM (
        SELECT *
        FROM "statement" t0
        WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $11) AND ((EXISTS (
                SELECT 1
                FROM "country" t1
                WHERE t1."id" = t0."speaker_country_id" AND (t1."code" = $12))) OR (EXISTS (
                SELECT 1
                FROM "person" t2
                WHERE t2."id" = t0."speaker_person_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t3
                    WHERE t3."id" = t2."nationality_id" AND (t3."code" = $13))))) OR (EXISTS (
                SELECT 1
                FROM "organization" t4
                WHERE t4."id" = t0."speaker_organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t5
                    WHERE t5."id" = t4."country_id" AND (t5."code" = $14)))))))
        ORDER BY t0."date" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."deadline" AS "date", 4 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'title', t0."title", 'deadline', t0."deadline") AS "subject"
      FROM (
        SELECT *
        FROM "plan" t0
        WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $15) AND ((EXISTS (
                SELECT 1
                FROM "organization" t1
                WHERE t1."id" = t0."responsible_organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $16))))) OR (EXISTS (
                SELECT 1
                FROM "organization" t3
                WHERE t3."id" = t0."target_organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t4
                    WHERE t4."id" = t3."country_id" AND (t4."code" = $17))))) OR (EXISTS (
                SELECT 1
                FROM "organization" t5
                WHERE t5."id" = t0."approved_by_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t6
                    WHERE t6."id" = t5."country_id" AND (t6."code" = $18)))))))
        ORDER BY t0."deadline" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."end_date" AS "date", 5 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'name', t0."name", 'status', t0."status") AS "subject"
      FROM (
        SELECT *
        FROM "ceasefire" t0
        WHERE (t0."end_date" IS NOT NULL) AND ((t0."end_date" >= $19) AND (EXISTS (
              SELECT 1
              FROM "ceasefire_party" t1
              WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
                  SELECT 1
                  FROM "country" t2
                  WHERE t2."id" = t1."country_id" AND (t2."code" = $20))))))
        ORDER BY t0."end_date" ASC, t0."id" ASC
        LIMIT $1) t0)) u
  ORDER BY u."date" ASC, u."rank" ASC, u."id" ASC
  LIMIT $1) e
