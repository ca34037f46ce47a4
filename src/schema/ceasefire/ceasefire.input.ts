import { CeasefireStatus } from "../../generated/prisma/client";
import { datesInOrder } from "../../validation";
import { dateField, enumField, nameField, refListField, slugField, textField } from "../writes/fields";
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
    startDate: dateField("When it took effect"),
    endDate: dateField("When it ended; not before startDate"),
    status: enumField(CeasefireStatus, "Where it stands.", { required: true }),
    monitoringMechanism: textField("How compliance is monitored, and by whom."),
    summary: textField("Its history."),
  },
  extraFields: {
    partyCountryIds: refListField("country", "The countries it binds; given, it replaces the country parties"),
    partyOrganizationIds: refListField(
      "organization",
      "The organizations it binds; given, it replaces the organization parties",
    ),
  },
  check: (row) => datesInOrder(row, "startDate", "endDate"),
  // Parties are rows of their own: replace the given side's set, keep the other.
  async afterWrite(tx, ceasefire, input, actor) {
    for (const [field, column] of [
      ["partyCountryIds", "countryId"],
      ["partyOrganizationIds", "organizationId"],
    ] as const) {
      const ids = input[field] as string[] | undefined;
      if (ids === undefined || ids === null) continue;
      await tx.ceasefireParty.deleteMany({ where: { ceasefireId: ceasefire.id, [column]: { not: null } } });
      await tx.ceasefireParty.createMany({
        data: [...new Set(ids)].map((id) => ({ ceasefireId: ceasefire.id, [column]: id, createdBy: actor })),
      });
    }
  },
});
