// Builds the GraphQL schema from the type-graphql classes, and prints it as committed SDL.
import "reflect-metadata";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { authChecker } from "./auth-checker";
import { agreementWrites } from "./agreement/agreement.input";
import { AgreementResolver } from "./agreement/agreement.resolver";
import { articleWrites } from "./article/article.input";
import { ArticleResolver } from "./article/article.resolver";
import { RecordArticleResolver } from "./article/record-article.resolver";
import { ceasefireWrites } from "./ceasefire/ceasefire.input";
import { countryWrites } from "./country/country.input";
import { delegationWrites } from "./delegation/delegation.input";
import { delegationMemberWrites } from "./delegation-member/delegation-member.input";
import { meetingWrites } from "./meeting/meeting.input";
import { organizationWrites } from "./organization/organization.input";
import { personWrites } from "./person/person.input";
import { personRoleWrites } from "./person-role/person-role.input";
import { placeWrites } from "./place/place.input";
import { planWrites } from "./plan/plan.input";
import { reportedFigureWrites } from "./reported-figure/reported-figure.input";
import { statementWrites } from "./statement/statement.input";
import { termWrites } from "./term/term.input";
import { voteWrites } from "./vote/vote.input";
import { VoteResolver } from "./vote/vote.resolver";
import { TermResolver } from "./term/term.resolver";
import { writeResolver } from "./writes/write-resolver";
import { CeasefireResolver } from "./ceasefire/ceasefire.resolver";
import { ChangeResolver } from "./change/change.resolver";
import { ArticleRecordedResolver, EntityChangedResolver } from "./change/change-events.resolver";
import { CountryResolver } from "./country/country.resolver";
import { DelegationResolver } from "./delegation/delegation.resolver";
import { DelegationMemberResolver } from "./delegation-member/delegation-member.resolver";
import { FactResolver } from "./fact/fact.resolver";
import { MeetingResolver } from "./meeting/meeting.resolver";
import { OrganizationResolver } from "./organization/organization.resolver";
import { PersonResolver } from "./person/person.resolver";
import { PersonRoleResolver } from "./person-role/person-role.resolver";
import { PlaceResolver } from "./place/place.resolver";
import { PlanResolver } from "./plan/plan.resolver";
import { ReportedFigureResolver } from "./reported-figure/reported-figure.resolver";
import { SearchResolver } from "./search/search.resolver";
import { StatementResolver } from "./statement/statement.resolver";
import { statementsAboutResolvers } from "./statement/statements-about.resolver";
import { TimelineResolver } from "./timeline/timeline.resolver";

export const resolvers = [
  AgreementResolver,
  ArticleResolver,
  ArticleRecordedResolver,
  CeasefireResolver,
  ChangeResolver,
  CountryResolver,
  DelegationResolver,
  DelegationMemberResolver,
  EntityChangedResolver,
  FactResolver,
  MeetingResolver,
  OrganizationResolver,
  PersonResolver,
  PersonRoleResolver,
  PlaceResolver,
  PlanResolver,
  ReportedFigureResolver,
  SearchResolver,
  StatementResolver,
  ...statementsAboutResolvers,
  TermResolver,
  TimelineResolver,
  VoteResolver,
  RecordArticleResolver,
  ...[
    agreementWrites,
    articleWrites,
    ceasefireWrites,
    countryWrites,
    delegationWrites,
    delegationMemberWrites,
    meetingWrites,
    organizationWrites,
    personWrites,
    personRoleWrites,
    placeWrites,
    planWrites,
    reportedFigureWrites,
    statementWrites,
    termWrites,
    voteWrites,
  ].map((writes) => writeResolver(writes as Parameters<typeof writeResolver>[0])),
] as const;

/**
 * type-graphql 2.0.0-rc.4 refuses to build a schema with subscriptions unless given a pub-sub
 * system, even when, as here, every subscription names its own `subscribe` (its topics are then
 * never used). Ours subscribe to the server's change feed (schema/change/change-events.resolver.ts),
 * which is per server, not per process like the schema: so this one only says so if ever called.
 * On upgrade: drop it if buildSchema no longer asks for it (building the schema tells).
 */
const noTopicPubSub: PubSub = {
  publish: () => {
    throw new Error("newsgraph's subscriptions publish through the change feed (src/events), not type-graphql topics");
  },
  subscribe: () => {
    throw new Error("newsgraph's subscriptions name their own `subscribe`, not type-graphql topics");
  },
};

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema (built once per process: type-graphql metadata is global). */
export function buildNewsgraphSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validate: false, authChecker, pubSub: noTopicPubSub });
  return built;
}

/** The SDL committed at schema/schema.graphql: sorted, so diffs show real changes only. */
export function printNewsgraphSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
