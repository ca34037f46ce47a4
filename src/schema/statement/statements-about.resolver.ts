// `statementsAbout` on every kind of entity a statement can be about (SUBJECT_KINDS): the same
// field on ten types, so one resolver class per type is made here rather than written ten times.
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ClassType } from "type-graphql";
import { factKinds, SUBJECT_KINDS, type SubjectKind } from "../../database/fact-kinds";
import type { ReadTypeName } from "../../read/read-model";
import { Agreement } from "../agreement/agreement.type";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { connectionFromList } from "../common/list-connection";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { Meeting } from "../meeting/meeting.type";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { Place } from "../place/place.type";
import { Plan } from "../plan/plan.type";
import { Term } from "../term/term.type";
import { Vote } from "../vote/vote.type";
import { StatementConnection } from "./statement.type";

const TYPES: Record<SubjectKind, ClassType> = {
  COUNTRY: Country,
  PLACE: Place,
  ORGANIZATION: Organization,
  PERSON: Person,
  CEASEFIRE: Ceasefire,
  MEETING: Meeting,
  AGREEMENT: Agreement,
  PLAN: Plan,
  TERM: Term,
  VOTE: Vote,
};

function statementsAboutResolver(kind: SubjectKind) {
  // Every subject type has the relation (read-model.ts statementsAbout); typed as one of them.
  const typeName = factKinds[kind].typeName as Extract<ReadTypeName, "Country">;
  @Resolver(() => TYPES[kind])
  class StatementsAboutResolver {
    @FieldResolver(() => StatementConnection, { description: "Statements about it (it is one of their subjects), by date." })
    async statementsAbout(@Root() fact: { id: string }, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
      return connectionFromList(await loaders.related(fact, typeName, "statementsAbout"), page);
    }
  }
  return StatementsAboutResolver;
}

export const statementsAboutResolvers = SUBJECT_KINDS.map(statementsAboutResolver);
