-- What a statement is about: any number of subjects, each an entity of any kind (a country, a
-- place, an organization, a person, a ceasefire, a meeting, an agreement, a plan, a term, a vote),
-- named by its kind and id like fact_source (polymorphic, so no foreign key to it: deleting the
-- entity deletes its rows here, src/schema/writes/dependents.ts). Kept from the sources' claims like
-- a statement's speakers, one claimed set per kind (src/claims/claim-fields.ts).
CREATE TABLE "statement_subject" (
    "id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "fact_kind" "fact_kind" NOT NULL,
    "fact_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,

    CONSTRAINT "statement_subject_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "statement_subject_statement_id_fact_kind_fact_id_key" ON "statement_subject"("statement_id", "fact_kind", "fact_id");
CREATE INDEX "statement_subject_fact_kind_fact_id_idx" ON "statement_subject"("fact_kind", "fact_id");
ALTER TABLE "statement_subject" ADD CONSTRAINT "statement_subject_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
