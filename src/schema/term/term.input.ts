import { z } from "zod";
import { datedFields, intField, nameField, refField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Term } from "./term.type";

export const termWrites = defineWrites({
  name: "Term",
  model: "term",
  kind: "TERM",
  type: Term,
  fields: {
    slug: slugField("Stable key."),
    title: nameField("What it provides, in a line.", { required: true }),
    summary: textField("What it provides."),
    ceasefireId: refField("ceasefire", "The ceasefire it belongs to"),
    agreementId: refField("agreement", "The agreement it belongs to"),
    boundCountryId: refField("country", "The country it binds"),
    boundOrganizationId: refField("organization", "The organization it binds"),
    placeId: refField("place", "Where it applies"),
    durationDays: { ...intField("How long it runs, in days (1 to 36,500)."), schema: z.number().int().min(1).max(36_500) },
    ...datedFields("deadline", "When it is due"),
  },
});
