import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import { PaginationArgs } from "../common/pagination.args";

@InputType({ description: "Conditions a person must meet; all given ones apply." })
export class PersonFilter {
  @Field(() => String, {
    nullable: true,
    description: "Name or an alias contains this text, ignoring case, accents and apostrophes (`saar` finds Sa'ar).",
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Nationality, as an ISO code." })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Holds or held a role in this organization (its id or slug)." })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum PersonOrderField {
  NAME = "NAME",
}
registerEnumType(PersonOrderField, { name: "PersonOrderField", description: "Fields people can be ordered by." });

export const personOrderings: ColumnOrderings<PersonOrderField> = {
  NAME: { field: "name", nullable: false },
};

export const PersonOrder = OrderInputType("Person", PersonOrderField, PersonOrderField.NAME);

@ArgsType()
export class PeopleArgs extends PaginationArgs {
  @Field(() => PersonFilter, { nullable: true, description: "Only people who match." })
  filter?: PersonFilter | null;

  @Field(() => PersonOrder, { nullable: true, description: "Order; by default by name." })
  orderBy?: OrderInput<PersonOrderField> | null;
}
