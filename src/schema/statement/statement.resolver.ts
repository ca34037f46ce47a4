import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { ConnectionType } from "../common/connection";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { reader } from "../loaders/rows";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { ReportedFigure } from "../reported-figure/reported-figure.type";
import { Statement } from "./statement.type";

const StatementConnection = ConnectionType("Statement", Statement, "statement");

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => Statement, { nullable: true, description: "One statement by id." })
  statement(@Arg("id", () => ID, { description: "The statement's id." }) id: string, @Ctx() { loaders }: Context) {
    return loaders.byId("statement").load(id);
  }

  @Query(() => StatementConnection, { description: "All statements, by date (undated ones last)." })
  statements(@Args() page: PaginationArgs, @Ctx() { prisma }: Context) {
    return paginate(reader(prisma, "statement"), page, {}, {
      field: "date",
      direction: "asc",
      nullable: true,
      isDate: true,
    });
  }

  @FieldResolver(() => Person, { nullable: true, description: "The person who spoke, or on whose behalf." })
  speakerPerson(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return statement.speakerPersonId ? loaders.byId("person").load(statement.speakerPersonId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization that spoke (an office, an army)." })
  speakerOrganization(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return statement.speakerOrganizationId
      ? loaders.byId("organization").load(statement.speakerOrganizationId)
      : null;
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country whose position it states." })
  speakerCountry(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return statement.speakerCountryId ? loaders.byId("country").load(statement.speakerCountryId) : null;
  }

  @FieldResolver(() => Ceasefire, { nullable: true, description: "The ceasefire it is about, if any." })
  ceasefire(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return statement.ceasefireId ? loaders.byId("ceasefire").load(statement.ceasefireId) : null;
  }

  @FieldResolver(() => [ReportedFigure], { description: "Figures it reported." })
  figures(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.manyBy("reportedFigure", "statementId", [{ slug: "asc" }]).load(statement.id);
  }
}
