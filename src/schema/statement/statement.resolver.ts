import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { always, and, type Condition, equals } from "../../read/condition";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { connectionFromList } from "../common/list-connection";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { checkedId, reportedIn } from "../fact/reported-in";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { ReportedFigureConnection } from "../reported-figure/reported-figure.type";
import { type StatementFilter, StatementsArgs } from "./statement.args";
import { Statement, StatementConnection } from "./statement.type";

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => Statement, { nullable: true, description: "One statement by id." })
  statement(@Arg("id", () => ID, { description: "The statement's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "statement", id);
  }

  @Query(() => StatementConnection, { description: "Statements, by date (undated ones last)." })
  async statements(@Args() { filter, ...page }: StatementsArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(loaders.pagesFor(info, "statement"), page, statementWhere(filter), {
      field: "date",
      direction: "asc",
      nullable: true,
      isDate: true,
    });
  }

  @FieldResolver(() => Person, { nullable: true, description: "The person who spoke, or on whose behalf." })
  speakerPerson(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.related(statement, "Statement", "speakerPerson");
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization that spoke (an office, an army)." })
  speakerOrganization(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.related(statement, "Statement", "speakerOrganization");
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country whose position it states." })
  speakerCountry(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.related(statement, "Statement", "speakerCountry");
  }

  @FieldResolver(() => Ceasefire, { nullable: true, description: "The ceasefire it is about, if any." })
  ceasefire(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.related(statement, "Statement", "ceasefire");
  }

  @FieldResolver(() => ReportedFigureConnection, { description: "Figures it reported." })
  async figures(@Root() statement: Statement, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(statement, "Statement", "figures"), page);
  }
}

function statementWhere(filter: StatementFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions: Condition[] = [];
  if (filter.speakerPersonId) {
    conditions.push(equals("speakerPersonId", checkedId(filter.speakerPersonId, "filter.speakerPersonId")));
  }
  if (filter.speakerOrganizationId) {
    conditions.push(equals("speakerOrganizationId", checkedId(filter.speakerOrganizationId, "filter.speakerOrganizationId")));
  }
  if (filter.ceasefireId) conditions.push(equals("ceasefireId", checkedId(filter.ceasefireId, "filter.ceasefireId")));
  if (filter.reportedIn) conditions.push(reportedIn("STATEMENT", filter.reportedIn));
  return and(...conditions);
}
