// Who wrote what and when: kept on every row, shown on every entity.
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, InterfaceType } from "type-graphql";

@InterfaceType("Audited", { description: "Anything newsgraph stores: when and by whom it was written." })
export abstract class Audited {
  @Field(() => DateTimeISOResolver, { description: "When newsgraph first recorded it." })
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { description: "When it was last changed." })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: "Who recorded it: an editor's token subject, or `import`." })
  createdBy!: string | null;

  @Field(() => String, { nullable: true, description: "Who last changed it." })
  updatedBy!: string | null;
}
