-- Name search: case-, accent- and apostrophe-insensitive substring matching over names and
-- aliases (Sa'ar / Saar, Naqoura / Naqura). Each searchable table keeps a normalized
-- `search_text`, maintained by a trigger so that every writer (the API, imports, plain SQL)
-- keeps it right, and indexed with trigrams so that `LIKE '%...%'` stays fast.
-- The application normalizes the query the same way (src/schema/common/search.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION newsgraph_search_text(name TEXT, aliases TEXT[]) RETURNS TEXT
    LANGUAGE sql STABLE
    AS $$ SELECT regexp_replace(lower(unaccent(concat_ws(' | ', name, array_to_string(aliases, ' | ')))), '[''`’‘]', '', 'g') $$;

CREATE FUNCTION newsgraph_set_search_text() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.search_text := newsgraph_search_text(NEW.name, NEW.aliases); RETURN NEW; END $$;

ALTER TABLE "country" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';
ALTER TABLE "place" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';
ALTER TABLE "person" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';
ALTER TABLE "organization" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT '';

CREATE TRIGGER "country_search_text" BEFORE INSERT OR UPDATE OF "name", "aliases" ON "country"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_text();
CREATE TRIGGER "place_search_text" BEFORE INSERT OR UPDATE OF "name", "aliases" ON "place"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_text();
CREATE TRIGGER "person_search_text" BEFORE INSERT OR UPDATE OF "name", "aliases" ON "person"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_text();
CREATE TRIGGER "organization_search_text" BEFORE INSERT OR UPDATE OF "name", "aliases" ON "organization"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_text();

UPDATE "country" SET "search_text" = newsgraph_search_text("name", "aliases");
UPDATE "place" SET "search_text" = newsgraph_search_text("name", "aliases");
UPDATE "person" SET "search_text" = newsgraph_search_text("name", "aliases");
UPDATE "organization" SET "search_text" = newsgraph_search_text("name", "aliases");

CREATE INDEX "country_search_text_trgm_idx" ON "country" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "place_search_text_trgm_idx" ON "place" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "person_search_text_trgm_idx" ON "person" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "organization_search_text_trgm_idx" ON "organization" USING gin ("search_text" gin_trgm_ops);

-- Filters and orderings clients use on lists.
CREATE INDEX "person_name_idx" ON "person" ("name");
CREATE INDEX "organization_name_idx" ON "organization" ("name");
CREATE INDEX "place_name_idx" ON "place" ("name");
CREATE INDEX "ceasefire_start_date_idx" ON "ceasefire" ("start_date");
CREATE INDEX "plan_deadline_idx" ON "plan" ("deadline");
CREATE INDEX "fact_source_fact_id_idx" ON "fact_source" ("fact_id");
