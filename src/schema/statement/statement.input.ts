import { dateField, nameField, refField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Statement } from "./statement.type";

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
    date: dateField("When it was said"),
    speakerPersonId: refField("person", "The person who spoke"),
    speakerOrganizationId: refField("organization", "The organization that spoke"),
    speakerCountryId: refField("country", "The country whose position it states"),
    ceasefireId: refField("ceasefire", "The ceasefire it is about"),
  },
  check: (row) =>
    row.speakerPersonId || row.speakerOrganizationId || row.speakerCountryId
      ? null
      : { field: "speakerPersonId", message: "is needed, or speakerOrganizationId or speakerCountryId" },
});
