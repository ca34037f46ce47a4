import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { Prisma } from "../../generated/prisma/client";
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
  async statements(@Args() { filter, ...page }: StatementsArgs, @Ctx() { prisma, loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(loaders.pagesFor(info, "statement"), page, await statementWhere(prisma, filter), {
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

async function statementWhere(
  prisma: Context["prisma"],
  filter: StatementFilter | null | undefined,
): Promise<Prisma.StatementWhereInput> {
  if (!filter) return {};
  const conditions: Prisma.StatementWhereInput[] = [];
  if (filter.speakerPersonId) {
    conditions.push({ speakerPersonId: checkedId(filter.speakerPersonId, "filter.speakerPersonId") });
  }
  if (filter.speakerOrganizationId) {
    conditions.push({ speakerOrganizationId: checkedId(filter.speakerOrganizationId, "filter.speakerOrganizationId") });
  }
  if (filter.ceasefireId) conditions.push({ ceasefireId: checkedId(filter.ceasefireId, "filter.ceasefireId") });
  if (filter.reportedIn) conditions.push(await reportedIn(prisma, "STATEMENT", filter.reportedIn));
  return { AND: conditions };
}
