import { OrganizationKind } from "../../generated/prisma/client";
import { aliasesField, enumField, nameField, refField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Organization } from "./organization.type";

export const organizationWrites = defineWrites({
  name: "Organization",
  model: "organization",
  kind: "ORGANIZATION",
  type: Organization,
  fields: {
    slug: slugField("Stable key."),
    name: nameField("Full name.", { required: true }),
    aliases: aliasesField("Acronyms and other spellings."),
    kind: enumField(OrganizationKind, "What sort of organization it is.", { required: true }),
    description: textField("What the organization is."),
    countryId: refField("country", "The country it belongs to or is based in"),
  },
});
