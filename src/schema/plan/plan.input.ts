import { datedFields, nameField, refField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Plan } from "./plan.type";

export const planWrites = defineWrites({
  name: "Plan",
  model: "plan",
  kind: "PLAN",
  type: Plan,
  fields: {
    slug: slugField("Stable key."),
    title: nameField("What the plan is, in a line.", { required: true }),
    summary: textField("What it provides for.", { required: true }),
    area: nameField("Where it applies first."),
    ...datedFields("deadline", "When its current phase is due"),
    nextPhase: textField("What follows the current phase."),
    responsibleOrganizationId: refField("organization", "Who is to carry it out"),
    targetOrganizationId: refField("organization", "Whom it is aimed at"),
    approvedById: refField("organization", "Who approved it"),
    ceasefireId: refField("ceasefire", "The ceasefire it carries out"),
    agreementId: refField("agreement", "The agreement it carries out"),
  },
});
