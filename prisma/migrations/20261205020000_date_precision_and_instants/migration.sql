-- Dates with their precision, and instants with their time zone. A date reported as a year
-- ("in 2019") or a month ("in December 2025") is stored as its first day with the precision beside
-- it, so it is neither lost nor read as a day; every date so far was reported to the day. Where a
-- source gives the time of day, the instant is kept (UTC) with the IANA zone it was reported in
-- (a ceasefire taking effect at 04:00 in Beirut).
CREATE TYPE "date_precision" AS ENUM ('YEAR', 'MONTH', 'DAY');

ALTER TABLE "meeting"
    ADD COLUMN "date_precision" "date_precision" NOT NULL DEFAULT 'DAY',
    ADD COLUMN "starts_at" TIMESTAMPTZ(3),
    ADD COLUMN "time_zone" TEXT;
ALTER TABLE "statement"
    ADD COLUMN "date_precision" "date_precision" NOT NULL DEFAULT 'DAY',
    ADD COLUMN "made_at" TIMESTAMPTZ(3),
    ADD COLUMN "time_zone" TEXT;
ALTER TABLE "ceasefire"
    ADD COLUMN "start_date_precision" "date_precision" NOT NULL DEFAULT 'DAY',
    ADD COLUMN "end_date_precision" "date_precision" NOT NULL DEFAULT 'DAY',
    ADD COLUMN "starts_at" TIMESTAMPTZ(3),
    ADD COLUMN "ends_at" TIMESTAMPTZ(3),
    ADD COLUMN "time_zone" TEXT;
ALTER TABLE "vote" ADD COLUMN "date_precision" "date_precision" NOT NULL DEFAULT 'DAY';
ALTER TABLE "agreement"
    ADD COLUMN "signed_on_precision" "date_precision" NOT NULL DEFAULT 'DAY',
    ADD COLUMN "announced_on_precision" "date_precision" NOT NULL DEFAULT 'DAY';
ALTER TABLE "plan" ADD COLUMN "deadline_precision" "date_precision" NOT NULL DEFAULT 'DAY';
ALTER TABLE "term" ADD COLUMN "deadline_precision" "date_precision" NOT NULL DEFAULT 'DAY';
ALTER TABLE "person_role"
    ADD COLUMN "start_date_precision" "date_precision" NOT NULL DEFAULT 'DAY',
    ADD COLUMN "end_date_precision" "date_precision" NOT NULL DEFAULT 'DAY';

-- Each source that gave a date said it to the day: its claim of the date's precision, so that a
-- later source's year or month does not outweigh it (claims are kept per field, src/claims).
INSERT INTO "claim" ("id", "article_id", "fact_kind", "fact_id", "field", "value", "created_at", "created_by")
    SELECT gen_random_uuid(), "article_id", "fact_kind", "fact_id", "field" || 'Precision', '"DAY"'::jsonb, "created_at", "created_by"
    FROM "claim"
    WHERE jsonb_typeof("value") = 'string' AND ("fact_kind", "field") IN (
        ('MEETING', 'date'), ('STATEMENT', 'date'), ('VOTE', 'date'), ('CEASEFIRE', 'startDate'), ('CEASEFIRE', 'endDate'),
        ('AGREEMENT', 'signedOn'), ('AGREEMENT', 'announcedOn'), ('PLAN', 'deadline'), ('TERM', 'deadline'),
        ('PERSON_ROLE', 'startDate'), ('PERSON_ROLE', 'endDate'));
