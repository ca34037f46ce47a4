import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { OrganizationKind } from "../../generated/prisma/client";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import { PaginationArgs } from "../common/pagination.args";

@InputType({ description: "Conditions an organization must meet; all given ones apply." })
export class OrganizationFilter {
  @Field(() => String, {
    nullable: true,
    description: "Name or an alias contains this text, ignoring case and accents (`unifil`, `hizbollah`).",
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Based in this country (ISO code)." })
  countryCode?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: "Of this kind." })
  kind?: OrganizationKind | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum OrganizationOrderField {
  NAME = "NAME",
}
registerEnumType(OrganizationOrderField, {
  name: "OrganizationOrderField",
  description: "Fields organizations can be ordered by.",
});

export const organizationOrderings: ColumnOrderings<OrganizationOrderField> = {
  NAME: { field: "name", nullable: false },
};

export const OrganizationOrder = OrderInputType("Organization", OrganizationOrderField, OrganizationOrderField.NAME);

@ArgsType()
export class OrganizationsArgs extends PaginationArgs {
  @Field(() => OrganizationFilter, { nullable: true, description: "Only organizations that match." })
  filter?: OrganizationFilter | null;

  @Field(() => OrganizationOrder, { nullable: true, description: "Order; by default by name." })
  orderBy?: OrderInput<OrganizationOrderField> | null;
}
