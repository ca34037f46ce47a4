-- One search over every kind (src/read/read-sql.ts, compileSearchPage): each searchable table
-- keeps a `search_document`, its searchable text lower-cased, without accents or apostrophes
-- (as name search normalizes, 20261125040000_name_search), maintained by a trigger so that every
-- writer keeps it right. Matched by full text search (an index on its English tsvector) or by
-- trigram word similarity for misspellings ("Nakoura", "Netanyahou"; a trigram index).
-- The trigger's arguments name the columns that make the document; keep them in step with
-- SEARCHED_FIELDS in src/schema/search/search.kinds.ts, which highlights the same columns.

CREATE FUNCTION newsgraph_set_search_document() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    fields JSONB := to_jsonb(NEW);
    parts TEXT[] := '{}';
    value JSONB;
BEGIN
    FOR i IN 0 .. TG_NARGS - 1 LOOP
        value := fields -> TG_ARGV[i];
        IF jsonb_typeof(value) = 'array' THEN
            parts := parts || ARRAY(SELECT jsonb_array_elements_text(value));
        ELSIF jsonb_typeof(value) = 'string' THEN
            parts := parts || (value #>> '{}');
        END IF;
    END LOOP;
    NEW.search_document := regexp_replace(lower(unaccent(array_to_string(parts, ' '))), '[''`’‘]', '', 'g');
    RETURN NEW;
END
$$;

ALTER TABLE "country" ADD COLUMN "search_document" TEXT NOT NULL DEFAULT '';
ALTER TABLE "place" ADD COLUMN "search_document" TEXT NOT NULL DEFAULT '';
ALTER TABLE "person" ADD COLUMN "search_document" TEXT NOT NULL DEFAULT '';
ALTER TABLE "organization" ADD COLUMN "search_document" TEXT NOT NULL DEFAULT '';
ALTER TABLE "meeting" ADD COLUMN "search_document" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ceasefire" ADD COLUMN "search_document" TEXT NOT NULL DEFAULT '';
ALTER TABLE "statement" ADD COLUMN "search_document" TEXT NOT NULL DEFAULT '';
ALTER TABLE "plan" ADD COLUMN "search_document" TEXT NOT NULL DEFAULT '';
ALTER TABLE "article" ADD COLUMN "search_document" TEXT NOT NULL DEFAULT '';

CREATE TRIGGER "country_search_document" BEFORE INSERT OR UPDATE OF "name", "aliases" ON "country"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('name', 'aliases');
CREATE TRIGGER "place_search_document" BEFORE INSERT OR UPDATE OF "name", "aliases", "description" ON "place"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('name', 'aliases', 'description');
CREATE TRIGGER "person_search_document" BEFORE INSERT OR UPDATE OF "name", "aliases", "description" ON "person"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('name', 'aliases', 'description');
CREATE TRIGGER "organization_search_document" BEFORE INSERT OR UPDATE OF "name", "aliases", "description" ON "organization"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('name', 'aliases', 'description');
CREATE TRIGGER "meeting_search_document" BEFORE INSERT OR UPDATE OF "title", "purpose", "summary" ON "meeting"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('title', 'purpose', 'summary');
CREATE TRIGGER "ceasefire_search_document" BEFORE INSERT OR UPDATE OF "name", "summary", "monitoring_mechanism" ON "ceasefire"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('name', 'summary', 'monitoring_mechanism');
CREATE TRIGGER "statement_search_document" BEFORE INSERT OR UPDATE OF "summary", "quote" ON "statement"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('summary', 'quote');
CREATE TRIGGER "plan_search_document" BEFORE INSERT OR UPDATE OF "title", "summary", "area" ON "plan"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('title', 'summary', 'area');
CREATE TRIGGER "article_search_document" BEFORE INSERT OR UPDATE OF "title" ON "article"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('title');

-- Fills the documents of existing rows (an UPDATE OF a trigger's column fires it).
UPDATE "country" SET "name" = "name";
UPDATE "place" SET "name" = "name";
UPDATE "person" SET "name" = "name";
UPDATE "organization" SET "name" = "name";
UPDATE "meeting" SET "title" = "title";
UPDATE "ceasefire" SET "name" = "name";
UPDATE "statement" SET "summary" = "summary";
UPDATE "plan" SET "title" = "title";
UPDATE "article" SET "title" = "title";

CREATE INDEX "country_search_document_fts_idx" ON "country" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "place_search_document_fts_idx" ON "place" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "person_search_document_fts_idx" ON "person" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "organization_search_document_fts_idx" ON "organization" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "meeting_search_document_fts_idx" ON "meeting" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "ceasefire_search_document_fts_idx" ON "ceasefire" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "statement_search_document_fts_idx" ON "statement" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "plan_search_document_fts_idx" ON "plan" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "article_search_document_fts_idx" ON "article" USING gin (to_tsvector('english', "search_document"));

CREATE INDEX "country_search_document_trgm_idx" ON "country" USING gin ("search_document" gin_trgm_ops);
CREATE INDEX "place_search_document_trgm_idx" ON "place" USING gin ("search_document" gin_trgm_ops);
CREATE INDEX "person_search_document_trgm_idx" ON "person" USING gin ("search_document" gin_trgm_ops);
CREATE INDEX "organization_search_document_trgm_idx" ON "organization" USING gin ("search_document" gin_trgm_ops);
CREATE INDEX "meeting_search_document_trgm_idx" ON "meeting" USING gin ("search_document" gin_trgm_ops);
CREATE INDEX "ceasefire_search_document_trgm_idx" ON "ceasefire" USING gin ("search_document" gin_trgm_ops);
CREATE INDEX "statement_search_document_trgm_idx" ON "statement" USING gin ("search_document" gin_trgm_ops);
CREATE INDEX "plan_search_document_trgm_idx" ON "plan" USING gin ("search_document" gin_trgm_ops);
CREATE INDEX "article_search_document_trgm_idx" ON "article" USING gin ("search_document" gin_trgm_ops);
