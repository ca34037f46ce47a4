import { RoleStatus } from "../../generated/prisma/client";
import { datesInOrder } from "../../validation";
import { datedFields, enumField, nameField, refField, slugField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { PersonRole } from "./person-role.type";

export const personRoleWrites = defineWrites({
  name: "PersonRole",
  model: "personRole",
  kind: "PERSON_ROLE",
  type: PersonRole,
  fields: {
    slug: slugField("Stable key."),
    personId: refField("person", "Who holds the role", { required: true }),
    title: nameField("The title, e.g. `Foreign Minister of Israel`.", { required: true }),
    status: enumField(RoleStatus, "Whether it is held now.", { required: true }),
    organizationId: refField("organization", "The organization it belongs to"),
    countryId: refField("country", "The country it serves"),
    ...datedFields("startDate", "Since when"),
    ...datedFields("endDate", "Until when"),
  },
  check: (row) => datesInOrder(row, "startDate", "endDate"),
});
