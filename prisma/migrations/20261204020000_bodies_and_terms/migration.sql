-- Bodies and terms.
--
-- A body is an organization with a chair and members (a ceasefire's monitoring mechanism: chaired
-- by one country, with others, a UN force and the two sides), each a country, an organization or
-- a person, one row each (exactly one, by a CHECK constraint), kept from the sources' claims like
-- a ceasefire's parties. A ceasefire may name the body that monitors it.
--
-- A term is a provision of a ceasefire or an agreement (a 60-day withdrawal, a deployment south of
-- a river): whom it binds, where, for how long or by when. Plans may belong to a ceasefire or an
-- agreement too.
ALTER TYPE "organization_kind" ADD VALUE 'MONITORING_BODY';
-- Enum values added here can only be used once this migration has committed; nothing below uses them.
ALTER TYPE "fact_kind" ADD VALUE 'TERM';

CREATE TYPE "body_role" AS ENUM ('CHAIR', 'MEMBER');

CREATE TABLE "body_member" (
    "id" UUID NOT NULL,
    "body_id" UUID NOT NULL,
    "role" "body_role" NOT NULL,
    "country_id" UUID,
    "organization_id" UUID,
    "person_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "body_member_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "body_member_one_member" CHECK (num_nonnulls("country_id", "organization_id", "person_id") = 1)
);
CREATE UNIQUE INDEX "body_member_body_id_role_country_id_key" ON "body_member"("body_id", "role", "country_id");
CREATE UNIQUE INDEX "body_member_body_id_role_organization_id_key" ON "body_member"("body_id", "role", "organization_id");
CREATE UNIQUE INDEX "body_member_body_id_role_person_id_key" ON "body_member"("body_id", "role", "person_id");
CREATE INDEX "body_member_country_id_idx" ON "body_member"("country_id");
CREATE INDEX "body_member_organization_id_idx" ON "body_member"("organization_id");
CREATE INDEX "body_member_person_id_idx" ON "body_member"("person_id");
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A body never chairs or belongs to itself, whoever writes; NG001 is a data rule whose message is
-- the client's (BAD_USER_INPUT, src/errors.ts).
CREATE FUNCTION newsgraph_body_not_its_own_member() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW."organization_id" = NEW."body_id" THEN
        RAISE EXCEPTION 'Body "%" cannot chair or belong to itself.', (SELECT "slug" FROM "organization" WHERE "id" = NEW."body_id") USING ERRCODE = 'NG001';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "body_member_not_itself" BEFORE INSERT OR UPDATE ON "body_member"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_body_not_its_own_member();

ALTER TABLE "ceasefire" ADD COLUMN "monitoring_body_id" UUID;
CREATE INDEX "ceasefire_monitoring_body_id_idx" ON "ceasefire"("monitoring_body_id");
ALTER TABLE "ceasefire" ADD CONSTRAINT "ceasefire_monitoring_body_id_fkey" FOREIGN KEY ("monitoring_body_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "plan" ADD COLUMN "ceasefire_id" UUID;
ALTER TABLE "plan" ADD COLUMN "agreement_id" UUID;
CREATE INDEX "plan_ceasefire_id_idx" ON "plan"("ceasefire_id");
CREATE INDEX "plan_agreement_id_idx" ON "plan"("agreement_id");
ALTER TABLE "plan" ADD CONSTRAINT "plan_ceasefire_id_fkey" FOREIGN KEY ("ceasefire_id") REFERENCES "ceasefire"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "plan" ADD CONSTRAINT "plan_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "term" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "ceasefire_id" UUID,
    "agreement_id" UUID,
    "bound_country_id" UUID,
    "bound_organization_id" UUID,
    "place_id" UUID,
    "duration_days" INTEGER,
    "deadline" DATE,
    "search_document" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT,
    "updated_by" TEXT,

    CONSTRAINT "term_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "term_duration_positive" CHECK ("duration_days" IS NULL OR "duration_days" > 0)
);
CREATE UNIQUE INDEX "term_slug_key" ON "term"("slug");
CREATE INDEX "term_ceasefire_id_idx" ON "term"("ceasefire_id");
CREATE INDEX "term_agreement_id_idx" ON "term"("agreement_id");
CREATE INDEX "term_bound_country_id_idx" ON "term"("bound_country_id");
CREATE INDEX "term_bound_organization_id_idx" ON "term"("bound_organization_id");
CREATE INDEX "term_place_id_idx" ON "term"("place_id");
CREATE INDEX "term_deadline_idx" ON "term"("deadline");
ALTER TABLE "term" ADD CONSTRAINT "term_ceasefire_id_fkey" FOREIGN KEY ("ceasefire_id") REFERENCES "ceasefire"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "term" ADD CONSTRAINT "term_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "term" ADD CONSTRAINT "term_bound_country_id_fkey" FOREIGN KEY ("bound_country_id") REFERENCES "country"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "term" ADD CONSTRAINT "term_bound_organization_id_fkey" FOREIGN KEY ("bound_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "term" ADD CONSTRAINT "term_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Searchable like every kind (20261203000000_search; keep in step with search.kinds.ts).
CREATE TRIGGER "term_search_document" BEFORE INSERT OR UPDATE OF "title", "summary" ON "term"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_set_search_document('title', 'summary');
CREATE INDEX "term_search_document_fts_idx" ON "term" USING gin (to_tsvector('english', "search_document"));
CREATE INDEX "term_search_document_trgm_idx" ON "term" USING gin ("search_document" gin_trgm_ops);
