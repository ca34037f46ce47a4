// The read stage's compiler, whole values: the SQL and parameters of conditions, relations of
// each shape (a foreign key, ways in through join rows, variants of several types) and pages.
// The SQL of whole requests is in test/__sql__ (test/sql-plans.test.ts).
import { and, compare, contains, equals, or, PARENT_ID, related, reportedIn } from "../src/read/condition";
import { readModel } from "../src/read/read-model";
import type { ReadPlan } from "../src/read/read-plan";
import { compileEventCounts, compileEventPage, compileGroupCounts, compileSearchPage } from "../src/read/analyst-sql";
import { compileCount, compileKeyed, compilePage, Tables } from "../src/read/read-sql";

const tables = Tables.get();
const marker = /^\/\* prepared \*\/ /;

test("a filter through relations and a date, as a count", () => {
  const where = and(
    compare("date", ">=", new Date("2025-12-01T00:00:00.000Z")),
    related("delegations", related("country", equals("code", "IL"))),
    or(equals("placeId", null), reportedIn("MEETING", "0b6f9f44-8c0e-4a43-9d4c-1f3f3b1f0c11")),
  );
  expect(compileCount(tables, "meeting", where)).toEqual({
    sql:
      `SELECT count(*)::text AS "rows" FROM "meeting" t0 WHERE (t0."date" >= $1) AND ` +
      `(EXISTS (SELECT 1 FROM "delegation" t1 WHERE t1."meeting_id" = t0."id" AND (EXISTS (SELECT 1 FROM "country" t2 WHERE t2."id" = t1."country_id" AND (t2."code" = $2))))) AND ` +
      `((t0."place_id" IS NULL) OR (t0."id" IN (SELECT t3."fact_id" FROM "fact_source" t3 WHERE t3."fact_kind" = $3 AND t3."article_id" = $4)))`,
    params: ["2025-12-01T00:00:00.000Z", "IL", "MEETING", "0b6f9f44-8c0e-4a43-9d4c-1f3f3b1f0c11"],
  });
});

test("an article named by a condition (its slug) is looked up in the same statement", () => {
  expect(compileCount(tables, "statement", reportedIn("STATEMENT", equals("slug", "2025-12-05-netanyahu-on-naqura")))).toEqual({
    sql:
      `SELECT count(*)::text AS "rows" FROM "statement" t0 WHERE t0."id" IN (SELECT t1."fact_id" FROM "fact_source" t1 ` +
      `WHERE t1."fact_kind" = $1 AND t1."article_id" = (SELECT t2."id" FROM "article" t2 WHERE t2."slug" = $2))`,
    params: ["STATEMENT", "2025-12-05-netanyahu-on-naqura"],
  });
});

test("group counts through a to-many relation: each row once per group it reaches, rows in none as NULL", () => {
  const grouping = { kind: "related", path: ["delegations", "country"], key: "code", label: "name" } as const;
  expect(compileGroupCounts(tables, "meeting", compare("date", ">=", new Date("2025-01-01T00:00:00.000Z")), grouping)).toEqual({
    sql:
      `SELECT coalesce(json_agg(json_build_object('key', g."key", 'label', g."label", 'count', g."count") ` +
      `ORDER BY g."key" IS NULL, g."count" DESC, g."label" ASC, g."key" ASC), '[]'::json)::text AS "rows" ` +
      `FROM (SELECT "key", "label", count(*)::int AS "count" FROM (SELECT k."key", k."label" FROM "meeting" t0 LEFT JOIN LATERAL (` +
      `SELECT DISTINCT t2."code"::text AS "key", t2."name"::text AS "label" FROM "delegation" t1 JOIN "country" t2 ON t2."id" = t1."country_id" ` +
      `WHERE t1."meeting_id" = t0."id" AND t2."code"::text IS NOT NULL) k ON TRUE WHERE t0."date" >= $1) r GROUP BY 1, 2) g`,
    params: ["2025-01-01T00:00:00.000Z"],
  });
});

test("group counts by month, in time order", () => {
  expect(compileGroupCounts(tables, "statement", and(), { kind: "period", field: "date", unit: "month" })).toEqual({
    sql:
      `SELECT coalesce(json_agg(json_build_object('key', g."key", 'label', g."label", 'count', g."count") ORDER BY g."key" ASC NULLS LAST), '[]'::json)::text AS "rows" ` +
      `FROM (SELECT "key", "label", count(*)::int AS "count" FROM (SELECT to_char(t0."date", 'YYYY-MM') AS "key", to_char(t0."date", 'YYYY-MM') AS "label" FROM "statement" t0 WHERE TRUE) r GROUP BY 1, 2) g`,
    params: [],
  });
});

test("an event page after a cursor: each kind's rows bounded by (date, rank, id), merged and limited again", () => {
  const day = new Date("2025-12-03T00:00:00.000Z");
  const id = "0b6f9f44-8c0e-4a43-9d4c-1f3f3b1f0c11";
  const sources = [
    { rank: 1, model: "meeting", dateField: "date", where: and(), plan: idsOf("Meeting", "meeting") },
    { rank: 2, model: "statement", dateField: "date", where: equals("speakerCountryId", id), plan: idsOf("Statement", "statement") },
  ] as const;
  expect(compileEventPage(tables, { sources, after: { date: day, rank: 1, id }, before: null, backward: false, take: 3, total: false })).toEqual({
    sql:
      `SELECT json_build_object('rows', coalesce(json_agg(json_build_object('date', e."date", 'precision', e."precision", 'rank', e."rank", 'subject', e."subject") ` +
      `ORDER BY e."date" ASC, e."rank" ASC, e."id" ASC), '[]'::json), 'total', NULL)::text AS "rows" FROM (SELECT * FROM (` +
      `(SELECT t0."date" AS "date", t0."date_precision" AS "precision", 1 AS "rank", t0."id" AS "id", json_build_object('id', t0."id") AS "subject" FROM (SELECT * FROM "meeting" t0 ` +
      `WHERE (t0."date" IS NOT NULL) AND (TRUE) AND ((t0."date" > $2) OR ((t0."date" = $3) AND (t0."id" > $4))) ORDER BY t0."date" ASC, t0."id" ASC LIMIT $1) t0)` +
      ` UNION ALL ` +
      `(SELECT t0."date" AS "date", t0."date_precision" AS "precision", 2 AS "rank", t0."id" AS "id", json_build_object('id', t0."id") AS "subject" FROM (SELECT * FROM "statement" t0 ` +
      `WHERE (t0."date" IS NOT NULL) AND (t0."speaker_country_id" = $5) AND (t0."date" >= $6) ORDER BY t0."date" ASC, t0."id" ASC LIMIT $1) t0)` +
      `) u ORDER BY u."date" ASC, u."rank" ASC, u."id" ASC LIMIT $1) e`,
    params: [3, "2025-12-03T00:00:00.000Z", "2025-12-03T00:00:00.000Z", id, id, "2025-12-03T00:00:00.000Z"],
  });
});

test("a search page: matches scored and merged, then only the page's rows read and highlighted", () => {
  const sources = [{ rank: 1, model: "place", shown: ["name", "aliases"], plan: idsOf("Place", "place") }] as const;
  const document = `t0."search_document"`;
  const query = `websearch_to_tsquery('english', $1)`;
  const match =
    `(SELECT round(((to_tsvector('english', ${document}) @@ ${query})::int + ts_rank_cd(to_tsvector('english', ${document}), ${query}) + word_similarity($1, ${document}))::numeric, 4)::float8 AS "score", ` +
    `1 AS "rank", t0."slug"::text AS "key", t0."id" AS "id" FROM "place" t0 ` +
    `WHERE to_tsvector('english', ${document}) @@ ${query} OR word_similarity($1, ${document}) >= 0.45)`;
  const order = (alias: string) => `${alias}."score" DESC, ${alias}."rank" ASC, ${alias}."key" COLLATE "C" ASC, ${alias}."id" ASC`;
  const shown = `replace(replace(replace(concat_ws(' — ', t0."name", nullif(array_to_string(t0."aliases", ', '), '')), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
  const options = `'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;
  expect(compileSearchPage(tables, { sources, text: "naqura", offset: 10, take: 11, total: true })).toEqual({
    sql:
      `SELECT json_build_object('rows', coalesce(json_agg(json_build_object('score', e."score", 'rank', e."rank", ` +
      `'highlight', CASE e."rank" WHEN 1 THEN (SELECT ts_headline('english', ${shown}, ${query}, ${options}) FROM "place" t0 WHERE t0."id" = e."id") END, ` +
      `'subject', CASE e."rank" WHEN 1 THEN (SELECT json_build_object('id', t0."id") FROM "place" t0 WHERE t0."id" = e."id") END) ` +
      `ORDER BY ${order("e")}), '[]'::json), 'total', (SELECT count(*) FROM (${match}) c))::text AS "rows" ` +
      `FROM (SELECT * FROM (${match}) u ORDER BY ${order("u")} OFFSET $2 LIMIT $3) e`,
    params: ["naqura", 10, 11],
  });
});

test("events counted by kind: each kind's rows keyed by its name, merged and grouped", () => {
  const sources = [
    { kind: "MEETING", model: "meeting", dateField: "date", where: compare("date", ">=", new Date("2025-01-01T00:00:00.000Z")) },
    { kind: "STATEMENT", model: "statement", dateField: "date", where: and() },
  ] as const;
  expect(compileEventCounts(tables, sources, "kind")).toEqual({
    sql:
      `SELECT coalesce(json_agg(json_build_object('key', g."key", 'label', g."key", 'count', g."count") ORDER BY g."count" DESC, g."key" COLLATE "C" ASC), '[]'::json)::text AS "rows" ` +
      `FROM (SELECT "key", count(*)::int AS "count" FROM (` +
      `(SELECT 'MEETING' AS "key" FROM "meeting" t0 WHERE (t0."date" IS NOT NULL) AND (t0."date" >= $1))` +
      ` UNION ALL ` +
      `(SELECT 'STATEMENT' AS "key" FROM "statement" t0 WHERE (t0."date" IS NOT NULL) AND (TRUE))` +
      `) r GROUP BY 1) g`,
    params: ["2025-01-01T00:00:00.000Z"],
  });
});

test("contains matches its text literally: LIKE's wildcards and escape character are escaped", () => {
  expect(compileCount(tables, "person", contains("searchText", "50%_a\\b"))).toEqual({
    sql: `SELECT count(*)::text AS "rows" FROM "person" t0 WHERE t0."search_text"::text LIKE $1`,
    params: ["%50\\%\\_a\\\\b%"],
  });
});

test("the parent's id outside a relation is a programming error", () => {
  expect(() => compileCount(tables, "meeting", equals("id", PARENT_ID))).toThrow("PARENT_ID outside a relation's condition");
});

const idsOf = (type: ReadPlan["type"], model: ReadPlan["model"], columns = ["id"]): ReadPlan => ({ type, model, columns, relations: [] });

test("keyed reads of one plan: one key compared with =, several with = ANY, each text kept for the next request", () => {
  const plan = idsOf("Country", "country", ["code", "name"]);
  const rows = `SELECT coalesce(json_agg(json_build_object('code', t0."code", 'name', t0."name")), '[]'::json)::text AS "rows" FROM "country" t0`;
  const one = compileKeyed(tables, plan, "code", ["IL"]);
  const several = compileKeyed(tables, plan, "code", ["IL", "LB"]);
  expect([one, several]).toEqual([
    { sql: expect.stringMatching(marker), params: ["IL"] },
    { sql: expect.stringMatching(marker), params: [["IL", "LB"]] },
  ]);
  expect([one.sql.replace(marker, ""), several.sql.replace(marker, "")]).toEqual([
    `${rows} WHERE t0."code" = $1`,
    `${rows} WHERE t0."code" = ANY($1)`,
  ]);
  expect(compileKeyed(tables, plan, "code", ["LB"])).toEqual({ sql: one.sql, params: ["LB"] });
  expect(compileKeyed(tables, plan, "name", ["Israel"]).sql).toBe(one.sql.replace('t0."code" = $1', 't0."name" = $1'));
});

test("a page with relations of every shape, its filter, bounds and total", () => {
  const plan: ReadPlan = {
    type: "Person",
    model: "person",
    columns: ["id", "name"],
    total: true,
    relations: [
      { field: "nationality", relation: readModel.Person.relations.nationality, plan: idsOf("Country", "country", ["code"]) },
      { field: "roles", relation: readModel.Person.relations.roles, plan: idsOf("PersonRole", "personRole") },
      { field: "delegations", relation: readModel.Person.relations.delegations, plan: idsOf("Delegation", "delegation") },
    ],
  };
  const compiled = compilePage(tables, plan, {
    where: contains("searchText", "sa"),
    bounds: [compare("name", ">", "Gideon")],
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 3,
  });
  expect(compiled.sql.replace(marker, "")).toBe(
    `SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t0."id", 'name', t0."name", ` +
      `'@nationality', (SELECT json_build_object('code', t1."code") FROM "country" t1 WHERE t1."id" = t0."nationality_id"), ` +
      `'@roles', (SELECT coalesce(json_agg(json_build_object('id', t2."id") ORDER BY t2."title" ASC, t2."id" ASC), '[]'::json) FROM "person_role" t2 WHERE t2."person_id" = t0."id"), ` +
      `'@delegations', (SELECT coalesce(json_agg(json_build_object('id', t3."id") ORDER BY t3."id" ASC), '[]'::json) FROM "delegation" t3 WHERE t3."id" IN (` +
      `SELECT t4."id" FROM "delegation" t4 WHERE t4."leader_id" = t0."id" UNION SELECT t5."delegation_id" FROM "delegation_member" t5 WHERE t5."person_id" = t0."id"))) ` +
      `ORDER BY t0."name" ASC, t0."id" ASC), '[]'::json), 'total', (SELECT count(*) FROM "person" t1 WHERE t1."search_text"::text LIKE $4))::text AS "rows" ` +
      `FROM (SELECT * FROM "person" t0 WHERE (t0."search_text"::text LIKE $1) AND (t0."name" > $2) ORDER BY t0."name" ASC, t0."id" ASC LIMIT $3) t0`,
  );
  expect(compiled.params).toEqual(["%sa%", "Gideon", 3, "%sa%"]);
});

test("a relation over several types: each variant's rows, tagged, ordered together", () => {
  const plan: ReadPlan = {
    type: "Ceasefire",
    model: "ceasefire",
    columns: ["id"],
    relations: [
      { field: "parties", relation: readModel.Ceasefire.relations.parties, plans: [idsOf("Country", "country", ["name"]), idsOf("Organization", "organization", ["name"])] },
    ],
  };
  const compiled = compilePage(tables, plan, { where: and(), bounds: [], orderBy: [] });
  expect(compiled.sql.replace(marker, "")).toBe(
    `SELECT coalesce(json_agg(json_build_object('id', t0."id", '@parties', (SELECT coalesce(json_agg(t1."row" ORDER BY t1.k0 COLLATE "C", t1."id"), '[]'::json) FROM (` +
      `SELECT json_build_object('name', t2."name", '@type', 'Country') AS "row", t2."name"::text AS k0, t2."id" AS "id" FROM "country" t2 WHERE t2."id" IN (SELECT t3."country_id" FROM "ceasefire_party" t3 WHERE t3."ceasefire_id" = t0."id") ` +
      `UNION ALL ` +
      `SELECT json_build_object('name', t4."name", '@type', 'Organization') AS "row", t4."name"::text AS k0, t4."id" AS "id" FROM "organization" t4 WHERE t4."id" IN (SELECT t5."organization_id" FROM "ceasefire_party" t5 WHERE t5."ceasefire_id" = t0."id")) t1))), '[]'::json)::text AS "rows" ` +
      `FROM (SELECT * FROM "ceasefire" t0 WHERE TRUE) t0`,
  );
  expect(compiled.params).toEqual([]);
});

test("a first page per parent: its rows up to the largest `first` plus one, counted before the limit", () => {
  const plan: ReadPlan = {
    type: "Meeting",
    model: "meeting",
    columns: ["id"],
    relations: [
      {
        field: "delegations",
        relation: readModel.Meeting.relations.delegations,
        limit: 3,
        plan: {
          ...idsOf("Delegation", "delegation"),
          total: true,
          relations: [{ field: "country", relation: readModel.Delegation.relations.country, plan: idsOf("Country", "country", ["code"]) }],
        },
      },
    ],
  };
  const compiled = compilePage(tables, plan, { where: and(), bounds: [], orderBy: [] });
  expect(compiled.sql.replace(marker, "")).toBe(
    `SELECT coalesce(json_agg(json_build_object('id', t0."id", '@delegations', (` +
      `SELECT json_build_object('rows', coalesce(json_agg(json_build_object('id', t3."id", '@country', t3."@country") ORDER BY t3.k0 ASC, t3.k1 ASC), '[]'::json), 'total', coalesce(max(t3."@total"), 0)) ` +
      `FROM (SELECT t1."id", t2."name" AS k0, t1."id" AS k1, CASE WHEN t2."id" IS NULL THEN NULL ELSE json_build_object('code', t2."code") END AS "@country", count(*) OVER () AS "@total" ` +
      `FROM "delegation" t1 LEFT JOIN "country" t2 ON t2."id" = t1."country_id" WHERE t1."meeting_id" = t0."id" ORDER BY t2."name" ASC, t1."id" ASC LIMIT 3) t3))), '[]'::json)::text AS "rows" ` +
      `FROM (SELECT * FROM "meeting" t0 WHERE TRUE) t0`,
  );
});
