import { countryCode } from "../../validation";
import { aliasesField, nameField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Country } from "./country.type";

export const countryWrites = defineWrites({
  name: "Country",
  model: "country",
  kind: "COUNTRY",
  type: Country,
  fields: {
    code: {
      graphql: () => String,
      schema: countryCode,
      description: "ISO 3166-1 alpha-2 code, e.g. `LB`; unique.",
      required: true,
    },
    name: nameField("Common English name.", { required: true }),
    aliases: aliasesField(),
  },
});
