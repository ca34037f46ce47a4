import { datedFields, instantField, nameField, refField, refListField, slugField, textField, timeZoneField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { factKinds, SUBJECT_KINDS, subjectField } from "../../database/fact-kinds";
import { Statement } from "./statement.type";

/** The older single speaker fields, each the set of its kind: given, a set of one (none for null). */
const SINGLE_SPEAKERS = [
  ["speakerPersonId", "speakerPersonIds"],
  ["speakerOrganizationId", "speakerOrganizationIds"],
  ["speakerCountryId", "speakerCountryIds"],
] as const;

export const statementWrites = defineWrites({
  name: "Statement",
  model: "statement",
  kind: "STATEMENT",
  type: Statement,
  fields: {
    slug: slugField("Stable key."),
    summary: textField("What was said, in your words.", { required: true }),
    quote: textField("The speaker's own words, if quoted."),
    channel: nameField("Where it was said (a platform, or the outlet told)."),
    ...datedFields("date", "When it was said"),
    madeAt: instantField("When it was made, to the minute"),
    timeZone: timeZoneField(),
    placeId: refField("place", "Where it was made"),
    ceasefireId: refField("ceasefire", "The ceasefire it is about"),
  },
  // Speakers are rows of their own, kept by the claims' recompute (claims/claim-fields.ts); each list
  // given replaces that kind of speakers.
  extraFields: {
    speakerPersonIds: refListField("person", "The people who made it"),
    speakerOrganizationIds: refListField("organization", "The organizations that made it"),
    speakerCountryIds: refListField("country", "The countries whose position it states"),
    // Kept for older clients (input fields marked deprecated are hidden from default introspection).
    speakerPersonId: refField("person", "Its one person speaker (null: none). For older clients: `speakerPersonIds` takes several"),
    speakerOrganizationId: refField("organization", "Its one organization speaker (null: none). For older clients: `speakerOrganizationIds` takes several"),
    speakerCountryId: refField("country", "Its one country speaker (null: none). For older clients: `speakerCountryIds` takes several"),
    // What it is about, one list per kind of entity (`subjectCountryIds`...): each list given replaces that kind's subjects.
    ...Object.fromEntries(
      SUBJECT_KINDS.map((kind) => {
        const { model, typeName } = factKinds[kind];
        return [subjectField(kind), refListField(model, `The ${typeName} rows it is about; given, it replaces those subjects`)];
      }),
    ),
  },
  // The row as it will be: its columns hold the first speaker of each kind, a list given replaces a kind.
  check: (row) =>
    SINGLE_SPEAKERS.some(([single, list]) => (Array.isArray(row[list]) ? row[list].length > 0 : row[single] != null))
      ? null
      : { field: "speakerPersonIds", message: "or another kind of speaker is needed: a statement has at least one speaker" },
  olderSingles: Object.fromEntries(SINGLE_SPEAKERS),
});
