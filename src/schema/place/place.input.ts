import { aliasesField, nameField, refField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Place } from "./place.type";

export const placeWrites = defineWrites({
  name: "Place",
  model: "place",
  kind: "PLACE",
  type: Place,
  fields: {
    slug: slugField("Stable key."),
    name: nameField("Common English name.", { required: true }),
    aliases: aliasesField(),
    description: textField("What the place is."),
    countryId: refField("country", "The country it is in"),
    withinId: refField("place", "The place it lies in (a building in a city; never itself, directly or not)"),
  },
});
