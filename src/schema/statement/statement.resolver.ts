import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { always, and, type Condition } from "../../read/condition";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { connectionFromList } from "../common/list-connection";
import { withinDates } from "../common/date-range";
import { GroupCount } from "../common/group-count";
import { toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { referencing, reportedIn } from "../common/keys";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { ReportedFigureConnection } from "../reported-figure/reported-figure.type";
import { StatementFilter, StatementGrouping, statementGroupings, StatementOrderField, statementOrderings, StatementsArgs } from "./statement.args";
import { Statement, StatementConnection } from "./statement.type";
import { SpeakerConnection } from "../actor/actor-unions";
import { Place } from "../place/place.type";
import { FactConnection } from "../fact/fact.interface";

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => Statement, { nullable: true, description: "One statement by id." })
  statement(@Arg("id", () => ID, { description: "The statement's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "statement", id);
  }

  @Query(() => Statement, { nullable: true, description: "One statement by slug, e.g. `netanyahu-abraham-accords`." })
  statementBySlug(@Arg("slug", { description: "The statement's slug." }) slug: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "statement", slug, "slug");
  }

  @Query(() => StatementConnection, { description: "Statements, by date (undated ones last) unless ordered otherwise." })
  async statements(@Args() { filter, orderBy, ...page }: StatementsArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(statementOrderings, orderBy, StatementOrderField.DATE);
    return paginate(loaders.pagesFor(info, "statement"), page, statementWhere(filter), ordering);
  }

  @Query(() => [GroupCount], { description: "How many statements match the filter, by group: per month, per speaker..." })
  statementCounts(
    @Arg("by", () => StatementGrouping, { description: "What to count them by." }) by: StatementGrouping,
    @Arg("filter", () => StatementFilter, { nullable: true, description: "Only statements that match." }) filter: StatementFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.groupCounts("statement", statementWhere(filter), statementGroupings[by]);
  }

  @FieldResolver(() => SpeakerConnection, { description: "Who made it: countries, organizations and people (two leaders of a joint statement), by name." })
  async speakers(@Root() statement: Statement, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(statement, "Statement", "speakers"), page);
  }

  @FieldResolver(() => FactConnection, { description: "What it is about: entities of any kind (countries, people, a ceasefire, an agreement...), by kind, then slug or code." })
  async subjects(@Root() statement: Statement, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(statement, "Statement", "subjects"), page);
  }

  @FieldResolver(() => Place, { nullable: true, description: "Where it was made." })
  place(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.related(statement, "Statement", "place");
  }

  @FieldResolver(() => Person, { nullable: true, description: "The first person among its speakers.", deprecationReason: "Use `speakers`, which lists every speaker of any kind." })
  speakerPerson(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.related(statement, "Statement", "speakerPerson");
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The first organization among its speakers.", deprecationReason: "Use `speakers`, which lists every speaker of any kind." })
  speakerOrganization(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.related(statement, "Statement", "speakerOrganization");
  }

  @FieldResolver(() => Country, { nullable: true, description: "The first country among its speakers.", deprecationReason: "Use `speakers`, which lists every speaker of any kind." })
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
  const conditions = withinDates("date", filter);
  const references: [key: string | null | undefined, path: string[], argument: string][] = [
    [filter.speakerPersonId, ["speakers", "person"], "filter.speakerPersonId"],
    [filter.speakerOrganizationId, ["speakers", "organization"], "filter.speakerOrganizationId"],
    [filter.speakerCountryId, ["speakers", "country"], "filter.speakerCountryId"],
    [filter.ceasefireId, ["ceasefire"], "filter.ceasefireId"],
  ];
  for (const [key, path, argument] of references) {
    if (key) conditions.push(referencing("statement", path, key, argument));
  }
  if (filter.reportedIn) conditions.push(reportedIn("STATEMENT", filter.reportedIn));
  return and(...conditions);
}
