-- statement 1
SELECT json_build_object('rows', coalesce(json_agg(json_build_object('score', e."score", 'rank', e."rank", 'highlight', CASE e."rank" WHEN 0 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."name", nullif(array_to_string(t0."aliases", ', '), '')), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "country" t0
          WHERE t0."id" = e."id") WHEN 1 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."name", nullif(array_to_string(t0."aliases", ', '), ''), t0."description"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "place" t0
          WHERE t0."id" = e."id") WHEN 2 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."name", nullif(array_to_string(t0."aliases", ', '), ''), t0."description"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "person" t0
          WHERE t0."id" = e."id") WHEN 3 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."name", nullif(array_to_string(t0."aliases", ', '), ''), t0."description"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "organization" t0
          WHERE t0."id" = e."id") WHEN 4 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."title", t0."purpose", t0."summary"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "meeting" t0
          WHERE t0."id" = e."id") WHEN 5 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."name", t0."summary", t0."monitoring_mechanism"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "ceasefire" t0
          WHERE t0."id" = e."id") WHEN 6 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."summary", t0."quote"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "statement" t0
          WHERE t0."id" = e."id") WHEN 7 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."title", t0."summary", t0."area"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "plan" t0
          WHERE t0."id" = e."id") WHEN 8 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."title", nullif(array_to_string(t0."aliases", ', '), ''), t0."summary"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "agreement" t0
          WHERE t0."id" = e."id") WHEN 9 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."title", t0."summary"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "term" t0
          WHERE t0."id" = e."id") WHEN 10 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."title", t0."summary"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "vote" t0
          WHERE t0."id" = e."id") WHEN 11 THEN (
          SELECT ts_headline('english', replace(replace(replace(concat_ws(' — ', t0."title"), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), websearch_to_tsquery('english', $1), 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
          FROM "article" t0
          WHERE t0."id" = e."id") END, 'subject', CASE e."rank" WHEN 0 THEN (
          SELECT json_build_object('id', t0."id", 'name', t0."name")
          FROM "country" t0
          WHERE t0."id" = e."id") WHEN 1 THEN (
          SELECT json_build_object('id', t0."id", 'name', t0."name")
          FROM "place" t0
          WHERE t0."id" = e."id") WHEN 2 THEN (
          SELECT json_build_object('id', t0."id", 'name', t0."name")
          FROM "person" t0
          WHERE t0."id" = e."id") WHEN 3 THEN (
          SELECT json_build_object('id', t0."id", 'name', t0."name")
          FROM "organization" t0
          WHERE t0."id" = e."id") WHEN 4 THEN (
          SELECT json_build_object('id', t0."id", 'title', t0."title", 'date', t0."date")
          FROM "meeting" t0
          WHERE t0."id" = e."id") WHEN 5 THEN (
          SELECT json_build_object('id', t0."id", 'name', t0."name")
          FROM "ceasefire" t0
          WHERE t0."id" = e."id") WHEN 6 THEN (
          SELECT json_build_object('id', t0."id", 'summary', t0."summary")
          FROM "statement" t0
          WHERE t0."id" = e."id") WHEN 7 THEN (
          SELECT json_build_object('id', t0."id", 'title', t0."title")
          FROM "plan" t0
          WHERE t0."id" = e."id") WHEN 8 THEN (
          SELECT json_build_object('id', t0."id")
          FROM "agreement" t0
          WHERE t0."id" = e."id") WHEN 9 THEN (
          SELECT json_build_object('id', t0."id")
          FROM "term" t0
          WHERE t0."id" = e."id") WHEN 10 THEN (
          SELECT json_build_object('id', t0."id")
          FROM "vote" t0
          WHERE t0."id" = e."id") WHEN 11 THEN (
          SELECT json_build_object('id', t0."id", 'title', t0."title", 'publishedOn', t0."published_on")
          FROM "article" t0
          WHERE t0."id" = e."id") END)
      ORDER BY e."score" DESC, e."rank" ASC, e."key" COLLATE "C" ASC, e."id" ASC), '[]'::json), 'total', (
    SELECT count(*)
    FROM ((
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 0 AS "rank", t0."code"::text AS "key", t0."id" AS "id"
        FROM "country" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 1 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "place" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 2 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "person" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 3 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "organization" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 4 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "meeting" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 5 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "ceasefire" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 6 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "statement" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 7 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "plan" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 8 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "agreement" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 9 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "term" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 10 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "vote" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
      UNION ALL (
        SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 11 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
        FROM "article" t0
        WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)) c))::text AS "rows"
FROM (
  SELECT *
  FROM ((
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 0 AS "rank", t0."code"::text AS "key", t0."id" AS "id"
      FROM "country" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 1 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "place" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 2 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "person" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 3 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "organization" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 4 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "meeting" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 5 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "ceasefire" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 6 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "statement" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 7 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "plan" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 8 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "agreement" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 9 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "term" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 10 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "vote" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)
    UNION ALL (
      SELECT round(((to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1))::int + ts_rank_cd(to_tsvector('english', t0."search_document"), websearch_to_tsquery('english', $1)) + word_similarity($1, t0."search_document"))::numeric, 4)::float8 AS "score", 11 AS "rank", t0."slug"::text AS "key", t0."id" AS "id"
      FROM "article" t0
      WHERE to_tsvector('english', t0."search_document") @@ websearch_to_tsquery('english', $1) OR word_similarity($1, t0."search_document") >= 0.45)) u
  ORDER BY u."score" DESC, u."rank" ASC, u."key" COLLATE "C" ASC, u."id" ASC
  OFFSET $2
  LIMIT $3) e
