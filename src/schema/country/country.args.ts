import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import { PaginationArgs } from "../common/pagination.args";

@InputType({ description: "Conditions a country must meet; all given ones apply." })
export class CountryFilter {
  @Field(() => String, { nullable: true, description: "Name or an alias contains this text (any case or accents)." })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum CountryOrderField {
  CODE = "CODE",
  NAME = "NAME",
}
registerEnumType(CountryOrderField, { name: "CountryOrderField", description: "Fields countries can be ordered by." });

export const countryOrderings: ColumnOrderings<CountryOrderField> = {
  CODE: { field: "code", nullable: false },
  NAME: { field: "name", nullable: false },
};

export const CountryOrder = OrderInputType("Country", CountryOrderField, CountryOrderField.CODE);

@ArgsType()
export class CountriesArgs extends PaginationArgs {
  @Field(() => CountryFilter, { nullable: true, description: "Only countries that match." })
  filter?: CountryFilter | null;

  @Field(() => CountryOrder, { nullable: true, description: "Order; by default by ISO code." })
  orderBy?: OrderInput<CountryOrderField> | null;
}
