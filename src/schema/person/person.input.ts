import { aliasesField, booleanField, nameField, refField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Person } from "./person.type";

export const personWrites = defineWrites({
  name: "Person",
  model: "person",
  kind: "PERSON",
  type: Person,
  fields: {
    slug: slugField("Stable key."),
    name: nameField("Full name, or a description of an unnamed person.", { required: true }),
    aliases: aliasesField("Other spellings of the name."),
    isNamed: booleanField("False when the reporting does not name the person (default true)."),
    description: textField("Who the person is."),
    nationalityId: refField("country", "Nationality"),
  },
});
