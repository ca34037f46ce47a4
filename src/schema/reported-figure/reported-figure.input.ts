import { FigureQualifier } from "../../generated/prisma/client";
import { enumField, intField, nameField, refField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { ReportedFigure } from "./reported-figure.type";

export const reportedFigureWrites = defineWrites({
  name: "ReportedFigure",
  model: "reportedFigure",
  kind: "REPORTED_FIGURE",
  type: ReportedFigure,
  fields: {
    slug: slugField("Stable key."),
    statementId: refField("statement", "The statement that reported it", { required: true }),
    ceasefireId: refField("ceasefire", "The ceasefire it is about", { required: true }),
    metric: nameField("What was counted.", { required: true }),
    value: intField("The number.", { required: true }),
    qualifier: enumField(FigureQualifier, "How exact the number is.", { required: true }),
    quote: textField("The reporter's own words for it."),
  },
});
