import { ArgsType, Field, Int } from "type-graphql";
import { SearchKind } from "./search.kinds";

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description:
      'What to look for: words (any case or accents; `"quoted phrases"`, `or` and `-excluded` words as in web search), misspellings included.',
  })
  text!: string;

  @Field(() => [SearchKind], { nullable: true, description: "Only things of these kinds (at least one); by default every kind." })
  kinds?: SearchKind[] | null;

  @Field(() => Int, { nullable: true, description: "Page size (at most 100; default 20)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor: return the results after this one (of the same search)." })
  after?: string | null;
}
