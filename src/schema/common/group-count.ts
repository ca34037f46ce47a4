// Grouped counts for analysts ("meetings per country", "statements per month"): each list that
// can be counted has a `<Type>Counts` root field taking its list's filter and a grouping from an
// enum of its own; every grouping compiles to one SQL statement (read/analyst-sql.ts).
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "How many rows fall in one group." })
export class GroupCount {
  @Field(() => String, {
    nullable: true,
    description: "The group's key: a month (`2025-12`) or year, a slug, an ISO code, a value; null for the rows with none (undated, no host...).",
  })
  key!: string | null;

  @Field(() => String, { nullable: true, description: "What to show for the group: the name of the country, organization or person; else the key." })
  label!: string | null;

  @Field(() => Int, { description: "How many rows are in the group; a row reaching several groups (a meeting of two countries) counts in each." })
  count!: number;
}
