import { CeasefireStatus } from "../../generated/prisma/client";
import { datesInOrder } from "../../validation";
import { datedFields, enumField, instantField, mediatorFields, nameField, refField, refListField, slugField, textField, timeZoneField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Ceasefire } from "./ceasefire.type";

export const ceasefireWrites = defineWrites({
  name: "Ceasefire",
  model: "ceasefire",
  kind: "CEASEFIRE",
  type: Ceasefire,
  fields: {
    slug: slugField("Stable key."),
    name: nameField("Common name.", { required: true }),
    ...datedFields("startDate", "When it took effect"),
    ...datedFields("endDate", "When it ended; not before startDate"),
    startsAt: instantField("When it took effect, to the minute"),
    endsAt: instantField("When it ended, to the minute"),
    timeZone: timeZoneField(),
    status: enumField(CeasefireStatus, "Where it stands.", { required: true }),
    monitoringMechanism: textField("How compliance is monitored, and by whom."),
    summary: textField("Its history."),
    agreementId: refField("agreement", "The agreement that set it"),
    monitoringBodyId: refField("organization", "The body that monitors it"),
  },
  extraFields: {
    partyCountryIds: refListField("country", "The countries it binds; given, it replaces the country parties"),
    partyOrganizationIds: refListField(
      "organization",
      "The organizations it binds; given, it replaces the organization parties",
    ),
    ...mediatorFields("it"),
  },
  // The parties and mediators are rows of their own, kept by the claims' recompute (claims/claim-fields.ts).
  check: (row) => datesInOrder(row, "startDate", "endDate"),
});
