import { createUnionType, Field, Float, ObjectType } from "type-graphql";
import { taggedTypeName, type TypedRow } from "../../read/read-model";
import { Article } from "../article/article.type";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { ConnectionType } from "../common/connection";
import { Country } from "../country/country.type";
import { Meeting } from "../meeting/meeting.type";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { Place } from "../place/place.type";
import { Plan } from "../plan/plan.type";
import { Agreement } from "../agreement/agreement.type";
import { Term } from "../term/term.type";
import { Vote } from "../vote/vote.type";
import { Statement } from "../statement/statement.type";
import { SearchKind } from "./search.kinds";

/** The read stage tags each found row with its type (read-model.ts `typeKey`). */
export const searchEntityTypeName = taggedTypeName;

export const SearchEntity = createUnionType({
  name: "SearchEntity",
  description: "Anything search finds.",
  types: () => [Country, Place, Person, Organization, Meeting, Ceasefire, Statement, Plan, Agreement, Term, Vote, Article] as const,
  resolveType: searchEntityTypeName,
});

@ObjectType({ description: "One thing search found, with how well it matched.", simpleResolvers: true })
export class SearchResult {
  @Field(() => SearchKind, { description: "What kind of thing it is." })
  kind!: SearchKind;

  @Field(() => Float, { description: "How well it matched (full text rank plus trigram similarity; higher is better)." })
  score!: number;

  @Field(() => String, {
    nullable: true,
    description:
      "Where it matched: fragments of its text, HTML-escaped, the matched words in `<mark>`; from its start when only a misspelling matched.",
  })
  highlight!: string | null;

  @Field(() => SearchEntity, { description: "The thing found." })
  entity!: TypedRow;
}

export const SearchResultConnection = ConnectionType("SearchResult", SearchResult, "search result");
