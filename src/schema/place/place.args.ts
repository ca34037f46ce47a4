import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import { PaginationArgs } from "../common/pagination.args";

@InputType({ description: "Conditions a place must meet; all given ones apply." })
export class PlaceFilter {
  @Field(() => String, { nullable: true, description: "Name or an alias contains this text (any case or accents)." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "In this country (ISO code)." })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum PlaceOrderField {
  NAME = "NAME",
}
registerEnumType(PlaceOrderField, { name: "PlaceOrderField", description: "Fields places can be ordered by." });

export const placeOrderings: ColumnOrderings<PlaceOrderField> = {
  NAME: { field: "name", nullable: false },
};

export const PlaceOrder = OrderInputType("Place", PlaceOrderField, PlaceOrderField.NAME);

@ArgsType()
export class PlacesArgs extends PaginationArgs {
  @Field(() => PlaceFilter, { nullable: true, description: "Only places that match." })
  filter?: PlaceFilter | null;

  @Field(() => PlaceOrder, { nullable: true, description: "Order; by default by name." })
  orderBy?: OrderInput<PlaceOrderField> | null;
}
