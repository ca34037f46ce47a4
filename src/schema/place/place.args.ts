import { ArgsType, Field, InputType } from "type-graphql";
import { PaginationArgs } from "../common/pagination.args";

@InputType({ description: "Conditions a place must meet; all given ones apply." })
export class PlaceFilter {
  @Field(() => String, { nullable: true, description: "Name or an alias contains this text (any case or accents)." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "In this country (ISO code)." })
  countryCode?: string | null;
}

@ArgsType()
export class PlacesArgs extends PaginationArgs {
  @Field(() => PlaceFilter, { nullable: true, description: "Only places that match." })
  filter?: PlaceFilter | null;
}
