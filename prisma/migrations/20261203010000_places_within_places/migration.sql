-- Places within places: a garden of a building of a city. `within_id` is the place it lies in;
-- deleting that place leaves this one where it is, within nothing. A trigger refuses a place
-- that would end up within itself (directly or through others), whichever writer tries: the
-- API, an import, or a merge of what articles say (src/claims); its error, SQLSTATE NG001, is
-- the client's (BAD_USER_INPUT, src/errors.ts).
ALTER TABLE "place" ADD COLUMN "within_id" UUID;
ALTER TABLE "place" ADD CONSTRAINT "place_within_id_fkey" FOREIGN KEY ("within_id") REFERENCES "place"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "place_within_id_idx" ON "place"("within_id");

CREATE FUNCTION newsgraph_place_not_within_itself() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW."within_id" IS NOT NULL AND EXISTS (
        WITH RECURSIVE outer_places("id") AS (
            SELECT NEW."within_id"
            UNION
            SELECT p."within_id" FROM "place" p JOIN outer_places o ON p."id" = o."id" WHERE p."within_id" IS NOT NULL
        )
        SELECT 1 FROM outer_places WHERE "id" = NEW."id"
    ) THEN
        -- NG001: a rule of the data that a writer broke, in words for the client (src/errors.ts).
        RAISE EXCEPTION 'Place "%" would lie within itself.', NEW."slug" USING ERRCODE = 'NG001';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "place_not_within_itself" BEFORE INSERT OR UPDATE OF "within_id" ON "place"
    FOR EACH ROW EXECUTE FUNCTION newsgraph_place_not_within_itself();
