-- statement 1
SELECT json_build_object('rows', coalesce(json_agg(json_build_object('date', e."date", 'rank', e."rank", 'subject', e."subject")
      ORDER BY e."date" ASC, e."rank" ASC, e."id" ASC), '[]'::json), 'total', (
    SELECT count(*)
    FROM "ceasefire" t0
    WHERE (t0."start_date" IS NOT NULL) AND ((t0."start_date" >= $29) AND ((EXISTS (
            SELECT 1
            FROM "ceasefire_party" t1
            WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $30))))) OR (EXISTS (
            SELECT 1
            FROM "mediation" t3
            WHERE t3."ceasefire_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t4
                WHERE t4."id" = t3."country_id" AND (t4."code" = $31)))))))) + (
    SELECT count(*)
    FROM "meeting" t0
    WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $32) AND ((EXISTS (
            SELECT 1
            FROM "mediation" t1
            WHERE t1."meeting_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $33))))) OR (EXISTS (
            SELECT 1
            FROM "delegation" t3
            WHERE t3."meeting_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t4
                WHERE t4."id" = t3."country_id" AND (t4."code" = $34)))))))) + (
    SELECT count(*)
    FROM "agreement" t0
    WHERE (t0."signed_on" IS NOT NULL) AND ((t0."signed_on" >= $35) AND ((EXISTS (
            SELECT 1
            FROM "agreement_signatory" t1
            WHERE t1."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $36))))) OR (EXISTS (
            SELECT 1
            FROM "agreement_signatory" t3
            WHERE t3."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "person" t4
                WHERE t4."id" = t3."person_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t5
                    WHERE t5."id" = t4."nationality_id" AND (t5."code" = $37))))))) OR (EXISTS (
            SELECT 1
            FROM "agreement_signatory" t6
            WHERE t6."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "organization" t7
                WHERE t7."id" = t6."organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t8
                    WHERE t8."id" = t7."country_id" AND (t8."code" = $38))))))) OR (EXISTS (
            SELECT 1
            FROM "mediation" t9
            WHERE t9."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t10
                WHERE t10."id" = t9."country_id" AND (t10."code" = $39)))))))) + (
    SELECT count(*)
    FROM "statement" t0
    WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $40) AND ((EXISTS (
            SELECT 1
            FROM "statement_speaker" t1
            WHERE t1."statement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $41))))) OR (EXISTS (
            SELECT 1
            FROM "statement_speaker" t3
            WHERE t3."statement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "person" t4
                WHERE t4."id" = t3."person_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t5
                    WHERE t5."id" = t4."nationality_id" AND (t5."code" = $42))))))) OR (EXISTS (
            SELECT 1
            FROM "statement_speaker" t6
            WHERE t6."statement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "organization" t7
                WHERE t7."id" = t6."organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t8
                    WHERE t8."id" = t7."country_id" AND (t8."code" = $43)))))))))) + (
    SELECT count(*)
    FROM "vote" t0
    WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $44) AND (EXISTS (
          SELECT 1
          FROM "organization" t1
          WHERE t1."id" = t0."body_id" AND (EXISTS (
              SELECT 1
              FROM "country" t2
              WHERE t2."id" = t1."country_id" AND (t2."code" = $45))))))) + (
    SELECT count(*)
    FROM "plan" t0
    WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $46) AND ((EXISTS (
            SELECT 1
            FROM "organization" t1
            WHERE t1."id" = t0."responsible_organization_id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $47))))) OR (EXISTS (
            SELECT 1
            FROM "organization" t3
            WHERE t3."id" = t0."target_organization_id" AND (EXISTS (
                SELECT 1
                FROM "country" t4
                WHERE t4."id" = t3."country_id" AND (t4."code" = $48))))) OR (EXISTS (
            SELECT 1
            FROM "organization" t5
            WHERE t5."id" = t0."approved_by_id" AND (EXISTS (
                SELECT 1
                FROM "country" t6
                WHERE t6."id" = t5."country_id" AND (t6."code" = $49)))))))) + (
    SELECT count(*)
    FROM "term" t0
    WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $50) AND ((EXISTS (
            SELECT 1
            FROM "country" t1
            WHERE t1."id" = t0."bound_country_id" AND (t1."code" = $51))) OR (EXISTS (
            SELECT 1
            FROM "organization" t2
            WHERE t2."id" = t0."bound_organization_id" AND (EXISTS (
                SELECT 1
                FROM "country" t3
                WHERE t3."id" = t2."country_id" AND (t3."code" = $52)))))))) + (
    SELECT count(*)
    FROM "ceasefire" t0
    WHERE (t0."end_date" IS NOT NULL) AND ((t0."end_date" >= $53) AND ((EXISTS (
            SELECT 1
            FROM "ceasefire_party" t1
            WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $54))))) OR (EXISTS (
            SELECT 1
            FROM "mediation" t3
            WHERE t3."ceasefire_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t4
                WHERE t4."id" = t3."country_id" AND (t4."code" = $55)))))))))::text AS "rows"
FROM (
  SELECT *
  FROM ((
      SELECT t0."start_date" AS "date", 0 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'name', t0."name", 'status', t0."status") AS "subject"
      FROM (
        SELECT *
        FROM "ceasefire" t0
        WHERE (t0."start_date" IS NOT NULL) AND ((t0."start_date" >= $2) AND ((EXISTS (
                SELECT 1
                FROM "ceasefire_party" t1
                WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $3))))) OR (EXISTS (
                SELECT 1
                FROM "mediation" t3
                WHERE t3."ceasefire_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t4
                    WHERE t4."id" = t3."country_id" AND (t4."code" = $4)))))))
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
        WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $5) AND ((EXISTS (
                SELECT 1
                FROM "mediation" t1
                WHERE t1."meeting_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $6))))) OR (EXISTS (
                SELECT 1
                FROM "delegation" t3
                WHERE t3."meeting_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t4
                    WHERE t4."id" = t3."country_id" AND (t4."code" = $7)))))))
        ORDER BY t0."date" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."signed_on" AS "date", 2 AS "rank", t0."id" AS "id", json_build_object('id', t0."id") AS "subject"
      FROM (
        SELECT *
        FROM "agreement" t0
        WHERE (t0."signed_on" IS NOT NULL) AND ((t0."signed_on" >= $8) AND ((EXISTS (
                SELECT 1
                FROM "agreement_signatory" t1
                WHERE t1."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $9))))) OR (EXISTS (
                SELECT 1
                FROM "agreement_signatory" t3
                WHERE t3."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "person" t4
                    WHERE t4."id" = t3."person_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t5
                        WHERE t5."id" = t4."nationality_id" AND (t5."code" = $10))))))) OR (EXISTS (
                SELECT 1
                FROM "agreement_signatory" t6
                WHERE t6."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "organization" t7
                    WHERE t7."id" = t6."organization_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t8
                        WHERE t8."id" = t7."country_id" AND (t8."code" = $11))))))) OR (EXISTS (
                SELECT 1
                FROM "mediation" t9
                WHERE t9."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t10
                    WHERE t10."id" = t9."country_id" AND (t10."code" = $12)))))))
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
        WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $13) AND ((EXISTS (
                SELECT 1
                FROM "statement_speaker" t1
                WHERE t1."statement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $14))))) OR (EXISTS (
                SELECT 1
                FROM "statement_speaker" t3
                WHERE t3."statement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "person" t4
                    WHERE t4."id" = t3."person_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t5
                        WHERE t5."id" = t4."nationality_id" AND (t5."code" = $15))))))) OR (EXISTS (
                SELECT 1
                FROM "statement_speaker" t6
                WHERE t6."statement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "organization" t7
                    WHERE t7."id" = t6."organization_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t8
                        WHERE t8."id" = t7."country_id" AND (t8."code" = $16)))))))))
        ORDER BY t0."date" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."date" AS "date", 4 AS "rank", t0."id" AS "id", json_build_object('id', t0."id") AS "subject"
      FROM (
        SELECT *
        FROM "vote" t0
        WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $17) AND (EXISTS (
              SELECT 1
              FROM "organization" t1
              WHERE t1."id" = t0."body_id" AND (EXISTS (
                  SELECT 1
                  FROM "country" t2
                  WHERE t2."id" = t1."country_id" AND (t2."code" = $18))))))
        ORDER BY t0."date" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."deadline" AS "date", 5 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'title', t0."title", 'deadline', t0."deadline") AS "subject"
      FROM (
        SELECT *
        FROM "plan" t0
        WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $19) AND ((EXISTS (
                SELECT 1
                FROM "organization" t1
                WHERE t1."id" = t0."responsible_organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $20))))) OR (EXISTS (
                SELECT 1
                FROM "organization" t3
                WHERE t3."id" = t0."target_organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t4
                    WHERE t4."id" = t3."country_id" AND (t4."code" = $21))))) OR (EXISTS (
                SELECT 1
                FROM "organization" t5
                WHERE t5."id" = t0."approved_by_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t6
                    WHERE t6."id" = t5."country_id" AND (t6."code" = $22)))))))
        ORDER BY t0."deadline" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."deadline" AS "date", 6 AS "rank", t0."id" AS "id", json_build_object('id', t0."id") AS "subject"
      FROM (
        SELECT *
        FROM "term" t0
        WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $23) AND ((EXISTS (
                SELECT 1
                FROM "country" t1
                WHERE t1."id" = t0."bound_country_id" AND (t1."code" = $24))) OR (EXISTS (
                SELECT 1
                FROM "organization" t2
                WHERE t2."id" = t0."bound_organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t3
                    WHERE t3."id" = t2."country_id" AND (t3."code" = $25)))))))
        ORDER BY t0."deadline" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."end_date" AS "date", 7 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'name', t0."name", 'status', t0."status") AS "subject"
      FROM (
        SELECT *
        FROM "ceasefire" t0
        WHERE (t0."end_date" IS NOT NULL) AND ((t0."end_date" >= $26) AND ((EXISTS (
                SELECT 1
                FROM "ceasefire_party" t1
                WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $27))))) OR (EXISTS (
                SELECT 1
                FROM "mediation" t3
                WHERE t3."ceasefire_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t4
                    WHERE t4."id" = t3."country_id" AND (t4."code" = $28)))))))
        ORDER BY t0."end_date" ASC, t0."id" ASC
        LIMIT $1) t0)) u
  ORDER BY u."date" ASC, u."rank" ASC, u."id" ASC
  LIMIT $1) e
