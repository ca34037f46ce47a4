import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import type { Context } from "../context";
import { Statement } from "../statement/statement.type";
import { ReportedFigure } from "./reported-figure.type";

@Resolver(() => ReportedFigure)
export class ReportedFigureResolver {
  @FieldResolver(() => Statement, { description: "The statement that reported it: who, and when." })
  statement(@Root() figure: ReportedFigure, @Ctx() { loaders }: Context) {
    return loaders.related(figure, "ReportedFigure", "statement");
  }

  @FieldResolver(() => Ceasefire, { description: "The ceasefire it is about." })
  ceasefire(@Root() figure: ReportedFigure, @Ctx() { loaders }: Context) {
    return loaders.related(figure, "ReportedFigure", "ceasefire");
  }
}
