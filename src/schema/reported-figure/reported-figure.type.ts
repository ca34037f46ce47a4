import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { FigureQualifier } from "../../generated/prisma/client";
import { ConnectionType } from "../common/connection";
import { Fact } from "../fact/fact.interface";

registerEnumType(FigureQualifier, {
  name: "FigureQualifier",
  description: "How exact a reported number is.",
  valuesConfig: {
    EXACTLY: { description: "The number as given." },
    APPROXIMATELY: { description: "About that many." },
    MORE_THAN: { description: "More than that many." },
    FEWER_THAN: { description: "Fewer than that many." },
  },
});

@ObjectType({ implements: Fact, description: "A number reported in a statement about a ceasefire, as its reporter put it.", simpleResolvers: true })
export class ReportedFigure extends Fact {
  @Field({ description: "Stable key, unique among figures: what an article document names it by to add to it or merge with it." })
  slug!: string;

  @Field({ description: "What was counted." })
  metric!: string;

  @Field(() => Int, { description: "The number." })
  value!: number;

  @Field(() => FigureQualifier, { description: "How exact the number is (about, more than...)." })
  qualifier!: FigureQualifier;

  @Field(() => String, { nullable: true, description: "The reporter's own words for it." })
  quote!: string | null;

  statementId!: string;
  ceasefireId!: string;
}

export const ReportedFigureConnection = ConnectionType("ReportedFigure", ReportedFigure, "reported figure");
