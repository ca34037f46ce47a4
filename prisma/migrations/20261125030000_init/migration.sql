-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "role_status" AS ENUM ('CURRENT', 'ACTING', 'FORMER');

-- CreateEnum
CREATE TYPE "organization_kind" AS ENUM ('ARMED_GROUP', 'MILITARY', 'GOVERNMENT_BODY', 'PEACEKEEPING_FORCE', 'INTERNATIONAL_ORGANIZATION', 'NEWS_AGENCY');

-- CreateEnum
CREATE TYPE "member_role" AS ENUM ('CIVILIAN_REPRESENTATIVE', 'NON_MILITARY_MEMBER', 'DIPLOMAT', 'GOVERNMENT_OFFICIAL', 'MILITARY_OFFICER', 'ECONOMIC_OFFICIAL', 'OTHER');

-- CreateEnum
CREATE TYPE "attendance" AS ENUM ('CONFIRMED', 'REPORTED');

-- CreateEnum
CREATE TYPE "ceasefire_status" AS ENUM ('PROPOSED', 'IN_FORCE', 'ENDED');

-- CreateEnum
CREATE TYPE "figure_qualifier" AS ENUM ('EXACTLY', 'APPROXIMATELY', 'MORE_THAN', 'FEWER_THAN');

-- CreateEnum
CREATE TYPE "fact_kind" AS ENUM ('COUNTRY', 'PLACE', 'PERSON', 'PERSON_ROLE', 'ORGANIZATION', 'MEETING', 'DELEGATION', 'DELEGATION_MEMBER', 'CEASEFIRE', 'STATEMENT', 'REPORTED_FIGURE', 'PLAN');

-- CreateTable
CREATE TABLE "country" (
    "id" UUID NOT NULL,
    "code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "country_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "description" TEXT,
    "country_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "is_named" BOOLEAN NOT NULL DEFAULT true,
    "description" TEXT,
    "nationality_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_role" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "person_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "status" "role_status" NOT NULL DEFAULT 'CURRENT',
    "organization_id" UUID,
    "country_id" UUID,
    "start_date" DATE,
    "end_date" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kind" "organization_kind" NOT NULL,
    "description" TEXT,
    "country_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATE,
    "purpose" TEXT,
    "summary" TEXT,
    "place_id" UUID,
    "host_id" UUID,
    "mediator_id" UUID,
    "mediator_country_id" UUID,
    "ceasefire_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delegation" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "country_id" UUID NOT NULL,
    "leader_id" UUID,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delegation_member" (
    "id" UUID NOT NULL,
    "delegation_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "role" "member_role" NOT NULL,
    "role_note" TEXT,
    "attendance" "attendance" NOT NULL DEFAULT 'CONFIRMED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delegation_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ceasefire" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "start_date" DATE,
    "end_date" DATE,
    "status" "ceasefire_status" NOT NULL,
    "monitoring_mechanism" TEXT,
    "summary" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ceasefire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ceasefire_party" (
    "id" UUID NOT NULL,
    "ceasefire_id" UUID NOT NULL,
    "country_id" UUID,
    "organization_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ceasefire_party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "quote" TEXT,
    "channel" TEXT,
    "date" DATE,
    "speaker_person_id" UUID,
    "speaker_organization_id" UUID,
    "speaker_country_id" UUID,
    "ceasefire_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reported_figure" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "statement_id" UUID NOT NULL,
    "ceasefire_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "qualifier" "figure_qualifier" NOT NULL,
    "quote" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reported_figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "area" TEXT,
    "deadline" DATE,
    "next_phase" TEXT,
    "responsible_organization_id" UUID,
    "target_organization_id" UUID,
    "approved_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "agency" TEXT,
    "published_on" DATE NOT NULL,
    "url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fact_source" (
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "fact_kind" "fact_kind" NOT NULL,
    "fact_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fact_source_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "country_code_key" ON "country"("code");

-- CreateIndex
CREATE UNIQUE INDEX "place_slug_key" ON "place"("slug");

-- CreateIndex
CREATE INDEX "place_country_id_idx" ON "place"("country_id");

-- CreateIndex
CREATE UNIQUE INDEX "person_slug_key" ON "person"("slug");

-- CreateIndex
CREATE INDEX "person_nationality_id_idx" ON "person"("nationality_id");

-- CreateIndex
CREATE UNIQUE INDEX "person_role_slug_key" ON "person_role"("slug");

-- CreateIndex
CREATE INDEX "person_role_person_id_idx" ON "person_role"("person_id");

-- CreateIndex
CREATE INDEX "person_role_organization_id_idx" ON "person_role"("organization_id");

-- CreateIndex
CREATE INDEX "person_role_country_id_idx" ON "person_role"("country_id");

-- CreateIndex
CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");

-- CreateIndex
CREATE INDEX "organization_country_id_idx" ON "organization"("country_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_slug_key" ON "meeting"("slug");

-- CreateIndex
CREATE INDEX "meeting_date_idx" ON "meeting"("date");

-- CreateIndex
CREATE INDEX "meeting_place_id_idx" ON "meeting"("place_id");

-- CreateIndex
CREATE INDEX "meeting_host_id_idx" ON "meeting"("host_id");

-- CreateIndex
CREATE INDEX "meeting_mediator_id_idx" ON "meeting"("mediator_id");

-- CreateIndex
CREATE INDEX "meeting_mediator_country_id_idx" ON "meeting"("mediator_country_id");

-- CreateIndex
CREATE INDEX "meeting_ceasefire_id_idx" ON "meeting"("ceasefire_id");

-- CreateIndex
CREATE INDEX "delegation_country_id_idx" ON "delegation"("country_id");

-- CreateIndex
CREATE INDEX "delegation_leader_id_idx" ON "delegation"("leader_id");

-- CreateIndex
CREATE UNIQUE INDEX "delegation_meeting_id_country_id_key" ON "delegation"("meeting_id", "country_id");

-- CreateIndex
CREATE INDEX "delegation_member_person_id_idx" ON "delegation_member"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "delegation_member_delegation_id_person_id_key" ON "delegation_member"("delegation_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "ceasefire_slug_key" ON "ceasefire"("slug");

-- CreateIndex
CREATE INDEX "ceasefire_status_idx" ON "ceasefire"("status");

-- CreateIndex
CREATE INDEX "ceasefire_party_country_id_idx" ON "ceasefire_party"("country_id");

-- CreateIndex
CREATE INDEX "ceasefire_party_organization_id_idx" ON "ceasefire_party"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "ceasefire_party_ceasefire_id_country_id_key" ON "ceasefire_party"("ceasefire_id", "country_id");

-- CreateIndex
CREATE UNIQUE INDEX "ceasefire_party_ceasefire_id_organization_id_key" ON "ceasefire_party"("ceasefire_id", "organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "statement_slug_key" ON "statement"("slug");

-- CreateIndex
CREATE INDEX "statement_speaker_person_id_idx" ON "statement"("speaker_person_id");

-- CreateIndex
CREATE INDEX "statement_speaker_organization_id_idx" ON "statement"("speaker_organization_id");

-- CreateIndex
CREATE INDEX "statement_speaker_country_id_idx" ON "statement"("speaker_country_id");

-- CreateIndex
CREATE INDEX "statement_ceasefire_id_idx" ON "statement"("ceasefire_id");

-- CreateIndex
CREATE INDEX "statement_date_idx" ON "statement"("date");

-- CreateIndex
CREATE UNIQUE INDEX "reported_figure_slug_key" ON "reported_figure"("slug");

-- CreateIndex
CREATE INDEX "reported_figure_statement_id_idx" ON "reported_figure"("statement_id");

-- CreateIndex
CREATE INDEX "reported_figure_ceasefire_id_idx" ON "reported_figure"("ceasefire_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_slug_key" ON "plan"("slug");

-- CreateIndex
CREATE INDEX "plan_responsible_organization_id_idx" ON "plan"("responsible_organization_id");

-- CreateIndex
CREATE INDEX "plan_target_organization_id_idx" ON "plan"("target_organization_id");

-- CreateIndex
CREATE INDEX "plan_approved_by_id_idx" ON "plan"("approved_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "article_slug_key" ON "article"("slug");

-- CreateIndex
CREATE INDEX "article_published_on_idx" ON "article"("published_on");

-- CreateIndex
CREATE INDEX "fact_source_article_id_fact_kind_idx" ON "fact_source"("article_id", "fact_kind");

-- CreateIndex
CREATE UNIQUE INDEX "fact_source_fact_kind_fact_id_article_id_key" ON "fact_source"("fact_kind", "fact_id", "article_id");

-- AddForeignKey
ALTER TABLE "place" ADD CONSTRAINT "place_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_nationality_id_fkey" FOREIGN KEY ("nationality_id") REFERENCES "country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_role" ADD CONSTRAINT "person_role_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_role" ADD CONSTRAINT "person_role_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_role" ADD CONSTRAINT "person_role_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_mediator_id_fkey" FOREIGN KEY ("mediator_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_mediator_country_id_fkey" FOREIGN KEY ("mediator_country_id") REFERENCES "country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_ceasefire_id_fkey" FOREIGN KEY ("ceasefire_id") REFERENCES "ceasefire"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_leader_id_fkey" FOREIGN KEY ("leader_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegation_member" ADD CONSTRAINT "delegation_member_delegation_id_fkey" FOREIGN KEY ("delegation_id") REFERENCES "delegation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegation_member" ADD CONSTRAINT "delegation_member_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ceasefire_party" ADD CONSTRAINT "ceasefire_party_ceasefire_id_fkey" FOREIGN KEY ("ceasefire_id") REFERENCES "ceasefire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ceasefire_party" ADD CONSTRAINT "ceasefire_party_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ceasefire_party" ADD CONSTRAINT "ceasefire_party_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_speaker_person_id_fkey" FOREIGN KEY ("speaker_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_speaker_organization_id_fkey" FOREIGN KEY ("speaker_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_speaker_country_id_fkey" FOREIGN KEY ("speaker_country_id") REFERENCES "country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_ceasefire_id_fkey" FOREIGN KEY ("ceasefire_id") REFERENCES "ceasefire"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reported_figure" ADD CONSTRAINT "reported_figure_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reported_figure" ADD CONSTRAINT "reported_figure_ceasefire_id_fkey" FOREIGN KEY ("ceasefire_id") REFERENCES "ceasefire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_responsible_organization_id_fkey" FOREIGN KEY ("responsible_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_target_organization_id_fkey" FOREIGN KEY ("target_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_source" ADD CONSTRAINT "fact_source_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: rules Prisma's schema language cannot state.
-- A ceasefire party is a country or an organization, never both and never neither.
ALTER TABLE "ceasefire_party" ADD CONSTRAINT "ceasefire_party_one_kind_check"
    CHECK (num_nonnulls("country_id", "organization_id") = 1);

-- A statement has at least one speaker.
ALTER TABLE "statement" ADD CONSTRAINT "statement_speaker_check"
    CHECK (num_nonnulls("speaker_person_id", "speaker_organization_id", "speaker_country_id") >= 1);
