import { AgreementKind } from "../../generated/prisma/client";
import { aliasesField, datedFields, enumField, mediatorFields, nameField, refField, refListField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Agreement } from "./agreement.type";

export const agreementWrites = defineWrites({
  name: "Agreement",
  model: "agreement",
  kind: "AGREEMENT",
  type: Agreement,
  fields: {
    slug: slugField("Stable key."),
    title: nameField("Its name.", { required: true }),
    aliases: aliasesField("Other names it goes by."),
    kind: enumField(AgreementKind, "What sort of agreement it is.", { required: true }),
    summary: textField("What it provides for."),
    ...datedFields("signedOn", "When it was signed"),
    ...datedFields("announcedOn", "When it was announced"),
    placeId: refField("place", "Where it was signed or announced"),
    meetingId: refField("meeting", "The meeting it was signed or announced at"),
  },
  // Signatories and mediators are rows of their own, kept by the claims' recompute (claims/claim-fields.ts).
  extraFields: {
    signatoryCountryIds: refListField("country", "The countries that signed it; given, it replaces the country signatories"),
    signatoryOrganizationIds: refListField("organization", "The organizations that signed it; given, it replaces the organization signatories"),
    signatoryPersonIds: refListField("person", "The people who signed it; given, it replaces the person signatories"),
    ...mediatorFields("it"),
  },
});
