import { OrganizationKind } from "../../generated/prisma/client";
import { aliasesField, enumField, nameField, refField, refListField, slugField, textField } from "../writes/fields";
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
  // When it is a body: its chairs and members, rows of their own kept by the claims' recompute
  // (claims/claim-fields.ts); each list given replaces that kind.
  extraFields: {
    chairCountryIds: refListField("country", "The countries that chair it"),
    chairOrganizationIds: refListField("organization", "The organizations that chair it"),
    chairPersonIds: refListField("person", "The people who chair it"),
    memberCountryIds: refListField("country", "Its member countries"),
    memberOrganizationIds: refListField("organization", "Its member organizations"),
    memberPersonIds: refListField("person", "Its members who are people"),
  },
});
