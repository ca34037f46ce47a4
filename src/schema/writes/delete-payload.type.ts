import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A row a delete removed." })
export class RemovedRow {
  @Field({ description: "What kind of row: `meeting`, `delegationMember`, `factSource`..." })
  table!: string;

  @Field(() => ID, { description: "Its id." })
  id!: string;
}

@ObjectType({ description: "What a delete did." })
export class DeletePayload {
  @Field(() => ID, { description: "The id of the deleted row." })
  id!: string;

  @Field(() => [RemovedRow], { description: "Every row removed: the deleted one first, then what cascaded." })
  removed!: RemovedRow[];
}
