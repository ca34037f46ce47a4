-- statement 1
SELECT json_build_object('rows', coalesce(json_agg(json_build_object('date', e."date", 'precision', e."precision", 'rank', e."rank", 'subject', e."subject")
      ORDER BY e."date" ASC, e."rank" ASC, e."id" ASC), '[]'::json), 'total', (
    SELECT count(*)
    FROM "ceasefire" t0
    WHERE (t0."start_date" IS NOT NULL) AND ((t0."start_date" >= $30) AND ((EXISTS (
            SELECT 1
            FROM "ceasefire_party" t1
            WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $31))))) OR (EXISTS (
            SELECT 1
            FROM "mediation" t3
            WHERE t3."ceasefire_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t4
                WHERE t4."id" = t3."country_id" AND (t4."code" = $32)))))))) + (
    SELECT count(*)
    FROM "meeting" t0
    WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $33) AND ((EXISTS (
            SELECT 1
            FROM "meeting_host" t1
            WHERE t1."meeting_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $34))))) OR (EXISTS (
            SELECT 1
            FROM "mediation" t3
            WHERE t3."meeting_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t4
                WHERE t4."id" = t3."country_id" AND (t4."code" = $35))))) OR (EXISTS (
            SELECT 1
            FROM "delegation" t5
            WHERE t5."meeting_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t6
                WHERE t6."id" = t5."country_id" AND (t6."code" = $36)))))))) + (
    SELECT count(*)
    FROM "agreement" t0
    WHERE (t0."signed_on" IS NOT NULL) AND ((t0."signed_on" >= $37) AND ((EXISTS (
            SELECT 1
            FROM "agreement_signatory" t1
            WHERE t1."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $38))))) OR (EXISTS (
            SELECT 1
            FROM "agreement_signatory" t3
            WHERE t3."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "person" t4
                WHERE t4."id" = t3."person_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t5
                    WHERE t5."id" = t4."nationality_id" AND (t5."code" = $39))))))) OR (EXISTS (
            SELECT 1
            FROM "agreement_signatory" t6
            WHERE t6."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "organization" t7
                WHERE t7."id" = t6."organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t8
                    WHERE t8."id" = t7."country_id" AND (t8."code" = $40))))))) OR (EXISTS (
            SELECT 1
            FROM "mediation" t9
            WHERE t9."agreement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t10
                WHERE t10."id" = t9."country_id" AND (t10."code" = $41)))))))) + (
    SELECT count(*)
    FROM "statement" t0
    WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $42) AND ((EXISTS (
            SELECT 1
            FROM "statement_speaker" t1
            WHERE t1."statement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $43))))) OR (EXISTS (
            SELECT 1
            FROM "statement_speaker" t3
            WHERE t3."statement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "person" t4
                WHERE t4."id" = t3."person_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t5
                    WHERE t5."id" = t4."nationality_id" AND (t5."code" = $44))))))) OR (EXISTS (
            SELECT 1
            FROM "statement_speaker" t6
            WHERE t6."statement_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "organization" t7
                WHERE t7."id" = t6."organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t8
                    WHERE t8."id" = t7."country_id" AND (t8."code" = $45)))))))))) + (
    SELECT count(*)
    FROM "vote" t0
    WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $46) AND (EXISTS (
          SELECT 1
          FROM "organization" t1
          WHERE t1."id" = t0."body_id" AND (EXISTS (
              SELECT 1
              FROM "country" t2
              WHERE t2."id" = t1."country_id" AND (t2."code" = $47))))))) + (
    SELECT count(*)
    FROM "plan" t0
    WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $48) AND ((EXISTS (
            SELECT 1
            FROM "organization" t1
            WHERE t1."id" = t0."responsible_organization_id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $49))))) OR (EXISTS (
            SELECT 1
            FROM "organization" t3
            WHERE t3."id" = t0."target_organization_id" AND (EXISTS (
                SELECT 1
                FROM "country" t4
                WHERE t4."id" = t3."country_id" AND (t4."code" = $50))))) OR (EXISTS (
            SELECT 1
            FROM "organization" t5
            WHERE t5."id" = t0."approved_by_id" AND (EXISTS (
                SELECT 1
                FROM "country" t6
                WHERE t6."id" = t5."country_id" AND (t6."code" = $51)))))))) + (
    SELECT count(*)
    FROM "term" t0
    WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $52) AND ((EXISTS (
            SELECT 1
            FROM "country" t1
            WHERE t1."id" = t0."bound_country_id" AND (t1."code" = $53))) OR (EXISTS (
            SELECT 1
            FROM "organization" t2
            WHERE t2."id" = t0."bound_organization_id" AND (EXISTS (
                SELECT 1
                FROM "country" t3
                WHERE t3."id" = t2."country_id" AND (t3."code" = $54)))))))) + (
    SELECT count(*)
    FROM "ceasefire" t0
    WHERE (t0."end_date" IS NOT NULL) AND ((t0."end_date" >= $55) AND ((EXISTS (
            SELECT 1
            FROM "ceasefire_party" t1
            WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t2
                WHERE t2."id" = t1."country_id" AND (t2."code" = $56))))) OR (EXISTS (
            SELECT 1
            FROM "mediation" t3
            WHERE t3."ceasefire_id" = t0."id" AND (EXISTS (
                SELECT 1
                FROM "country" t4
                WHERE t4."id" = t3."country_id" AND (t4."code" = $57)))))))))::text AS "rows"
FROM (
  SELECT *
  FROM ((
      SELECT t0."start_date" AS "date", t0."start_date_precision" AS "precision", 0 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'name', t0."name", 'status', t0."status", 'startsAt', t0."starts_at", 'timeZone', t0."time_zone") AS "subject"
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
      SELECT t0."date" AS "date", t0."date_precision" AS "precision", 1 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'title', t0."title", '@place', (
          SELECT json_build_object('name', t1."name")
          FROM "place" t1
          WHERE t1."id" = t0."place_id"), '@hosts', (
          SELECT coalesce(json_agg(t2."row"
              ORDER BY t2.k0 COLLATE "C", t2."id"), '[]'::json)
          FROM (
            SELECT json_build_object('id', t3."id", '@type', 'Country') AS "row", t3."name"::text AS k0, t3."id" AS "id"
            FROM "country" t3
            WHERE t3."id" IN (
              SELECT t4."country_id"
              FROM "meeting_host" t4
              WHERE (t4."meeting_id" = t0."id") AND (TRUE))
            UNION ALL
            SELECT json_build_object('id', t5."id", 'name', t5."name", '@type', 'Organization') AS "row", t5."name"::text AS k0, t5."id" AS "id"
            FROM "organization" t5
            WHERE t5."id" IN (
              SELECT t6."organization_id"
              FROM "meeting_host" t6
              WHERE (t6."meeting_id" = t0."id") AND (TRUE))
            UNION ALL
            SELECT json_build_object('id', t7."id", 'name', t7."name", '@type', 'Person') AS "row", t7."name"::text AS k0, t7."id" AS "id"
            FROM "person" t7
            WHERE t7."id" IN (
              SELECT t8."person_id"
              FROM "meeting_host" t8
              WHERE (t8."meeting_id" = t0."id") AND (TRUE))) t2)) AS "subject"
      FROM (
        SELECT *
        FROM "meeting" t0
        WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $5) AND ((EXISTS (
                SELECT 1
                FROM "meeting_host" t1
                WHERE t1."meeting_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $6))))) OR (EXISTS (
                SELECT 1
                FROM "mediation" t3
                WHERE t3."meeting_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t4
                    WHERE t4."id" = t3."country_id" AND (t4."code" = $7))))) OR (EXISTS (
                SELECT 1
                FROM "delegation" t5
                WHERE t5."meeting_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t6
                    WHERE t6."id" = t5."country_id" AND (t6."code" = $8)))))))
        ORDER BY t0."date" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."signed_on" AS "date", t0."signed_on_precision" AS "precision", 2 AS "rank", t0."id" AS "id", json_build_object('id', t0."id") AS "subject"
      FROM (
        SELECT *
        FROM "agreement" t0
        WHERE (t0."signed_on" IS NOT NULL) AND ((t0."signed_on" >= $9) AND ((EXISTS (
                SELECT 1
                FROM "agreement_signatory" t1
                WHERE t1."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $10))))) OR (EXISTS (
                SELECT 1
                FROM "agreement_signatory" t3
                WHERE t3."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "person" t4
                    WHERE t4."id" = t3."person_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t5
                        WHERE t5."id" = t4."nationality_id" AND (t5."code" = $11))))))) OR (EXISTS (
                SELECT 1
                FROM "agreement_signatory" t6
                WHERE t6."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "organization" t7
                    WHERE t7."id" = t6."organization_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t8
                        WHERE t8."id" = t7."country_id" AND (t8."code" = $12))))))) OR (EXISTS (
                SELECT 1
                FROM "mediation" t9
                WHERE t9."agreement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t10
                    WHERE t10."id" = t9."country_id" AND (t10."code" = $13)))))))
        ORDER BY t0."signed_on" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."date" AS "date", t0."date_precision" AS "precision", 3 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'summary', t0."summary", '@speakers', (
          SELECT coalesce(json_agg(t1."row"
              ORDER BY t1.k0 COLLATE "C", t1."id"), '[]'::json)
          FROM (
            SELECT json_build_object('id', t2."id", 'name', t2."name", '@type', 'Country') AS "row", t2."name"::text AS k0, t2."id" AS "id"
            FROM "country" t2
            WHERE t2."id" IN (
              SELECT t3."country_id"
              FROM "statement_speaker" t3
              WHERE (t3."statement_id" = t0."id") AND (TRUE))
            UNION ALL
            SELECT json_build_object('id', t4."id", 'name', t4."name", '@type', 'Organization') AS "row", t4."name"::text AS k0, t4."id" AS "id"
            FROM "organization" t4
            WHERE t4."id" IN (
              SELECT t5."organization_id"
              FROM "statement_speaker" t5
              WHERE (t5."statement_id" = t0."id") AND (TRUE))
            UNION ALL
            SELECT json_build_object('id', t6."id", 'name', t6."name", '@type', 'Person') AS "row", t6."name"::text AS k0, t6."id" AS "id"
            FROM "person" t6
            WHERE t6."id" IN (
              SELECT t7."person_id"
              FROM "statement_speaker" t7
              WHERE (t7."statement_id" = t0."id") AND (TRUE))) t1)) AS "subject"
      FROM (
        SELECT *
        FROM "statement" t0
        WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $14) AND ((EXISTS (
                SELECT 1
                FROM "statement_speaker" t1
                WHERE t1."statement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $15))))) OR (EXISTS (
                SELECT 1
                FROM "statement_speaker" t3
                WHERE t3."statement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "person" t4
                    WHERE t4."id" = t3."person_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t5
                        WHERE t5."id" = t4."nationality_id" AND (t5."code" = $16))))))) OR (EXISTS (
                SELECT 1
                FROM "statement_speaker" t6
                WHERE t6."statement_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "organization" t7
                    WHERE t7."id" = t6."organization_id" AND (EXISTS (
                        SELECT 1
                        FROM "country" t8
                        WHERE t8."id" = t7."country_id" AND (t8."code" = $17)))))))))
        ORDER BY t0."date" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."date" AS "date", t0."date_precision" AS "precision", 4 AS "rank", t0."id" AS "id", json_build_object('id', t0."id") AS "subject"
      FROM (
        SELECT *
        FROM "vote" t0
        WHERE (t0."date" IS NOT NULL) AND ((t0."date" >= $18) AND (EXISTS (
              SELECT 1
              FROM "organization" t1
              WHERE t1."id" = t0."body_id" AND (EXISTS (
                  SELECT 1
                  FROM "country" t2
                  WHERE t2."id" = t1."country_id" AND (t2."code" = $19))))))
        ORDER BY t0."date" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."deadline" AS "date", t0."deadline_precision" AS "precision", 5 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'title', t0."title", 'deadline', t0."deadline") AS "subject"
      FROM (
        SELECT *
        FROM "plan" t0
        WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $20) AND ((EXISTS (
                SELECT 1
                FROM "organization" t1
                WHERE t1."id" = t0."responsible_organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $21))))) OR (EXISTS (
                SELECT 1
                FROM "organization" t3
                WHERE t3."id" = t0."target_organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t4
                    WHERE t4."id" = t3."country_id" AND (t4."code" = $22))))) OR (EXISTS (
                SELECT 1
                FROM "organization" t5
                WHERE t5."id" = t0."approved_by_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t6
                    WHERE t6."id" = t5."country_id" AND (t6."code" = $23)))))))
        ORDER BY t0."deadline" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."deadline" AS "date", t0."deadline_precision" AS "precision", 6 AS "rank", t0."id" AS "id", json_build_object('id', t0."id") AS "subject"
      FROM (
        SELECT *
        FROM "term" t0
        WHERE (t0."deadline" IS NOT NULL) AND ((t0."deadline" >= $24) AND ((EXISTS (
                SELECT 1
                FROM "country" t1
                WHERE t1."id" = t0."bound_country_id" AND (t1."code" = $25))) OR (EXISTS (
                SELECT 1
                FROM "organization" t2
                WHERE t2."id" = t0."bound_organization_id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t3
                    WHERE t3."id" = t2."country_id" AND (t3."code" = $26)))))))
        ORDER BY t0."deadline" ASC, t0."id" ASC
        LIMIT $1) t0)
    UNION ALL (
      SELECT t0."end_date" AS "date", t0."end_date_precision" AS "precision", 7 AS "rank", t0."id" AS "id", json_build_object('id', t0."id", 'name', t0."name", 'status', t0."status", 'startsAt', t0."starts_at", 'timeZone', t0."time_zone") AS "subject"
      FROM (
        SELECT *
        FROM "ceasefire" t0
        WHERE (t0."end_date" IS NOT NULL) AND ((t0."end_date" >= $27) AND ((EXISTS (
                SELECT 1
                FROM "ceasefire_party" t1
                WHERE t1."ceasefire_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t2
                    WHERE t2."id" = t1."country_id" AND (t2."code" = $28))))) OR (EXISTS (
                SELECT 1
                FROM "mediation" t3
                WHERE t3."ceasefire_id" = t0."id" AND (EXISTS (
                    SELECT 1
                    FROM "country" t4
                    WHERE t4."id" = t3."country_id" AND (t4."code" = $29)))))))
        ORDER BY t0."end_date" ASC, t0."id" ASC
        LIMIT $1) t0)) u
  ORDER BY u."date" ASC, u."rank" ASC, u."id" ASC
  LIMIT $1) e
