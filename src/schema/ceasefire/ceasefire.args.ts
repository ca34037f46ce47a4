import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { CeasefireStatus } from "../../generated/prisma/client";
import { type ColumnOrderings, type OrderInput, OrderDirection, OrderInputType } from "../common/order";
import type { Grouping } from "../../read/analyst-sql";
import { PaginationArgs } from "../common/pagination.args";

@InputType({ description: "Conditions a ceasefire must meet; all given ones apply." })
export class CeasefireFilter {
  @Field(() => String, { nullable: true, description: "This country (ISO code) is a party." })
  partyCountryCode?: string | null;

  @Field(() => ID, { nullable: true, description: "This organization (its id or slug) is a party." })
  partyOrganizationId?: string | null;

  @Field(() => CeasefireStatus, { nullable: true, description: "It stands so." })
  status?: CeasefireStatus | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum CeasefireOrderField {
  START_DATE = "START_DATE",
  NAME = "NAME",
}
registerEnumType(CeasefireOrderField, { name: "CeasefireOrderField", description: "Fields ceasefires can be ordered by." });

export const ceasefireOrderings: ColumnOrderings<CeasefireOrderField> = {
  START_DATE: { field: "startDate", nullable: true, isDate: true },
  NAME: { field: "name", nullable: false },
};

export const CeasefireOrder = OrderInputType(
  "Ceasefire",
  CeasefireOrderField,
  CeasefireOrderField.START_DATE,
  OrderDirection.DESC,
);

@ArgsType()
export class CeasefiresArgs extends PaginationArgs {
  @Field(() => CeasefireFilter, { nullable: true, description: "Only ceasefires that match." })
  filter?: CeasefireFilter | null;

  @Field(() => CeasefireOrder, { nullable: true, description: "Order; by default newest first." })
  orderBy?: OrderInput<CeasefireOrderField> | null;
}

export enum CeasefireGrouping {
  STATUS = "STATUS",
  START_YEAR = "START_YEAR",
  PARTY_COUNTRY = "PARTY_COUNTRY",
  PARTY_ORGANIZATION = "PARTY_ORGANIZATION",
}
registerEnumType(CeasefireGrouping, {
  name: "CeasefireGrouping",
  description: "What ceasefires are counted by.",
  valuesConfig: {
    STATUS: { description: "Their status (`IN_FORCE`, ...)." },
    START_YEAR: { description: "The year they took effect." },
    PARTY_COUNTRY: { description: "Each country bound by them (key: ISO code)." },
    PARTY_ORGANIZATION: { description: "Each organization bound by them (key: slug)." },
  },
});

export const ceasefireGroupings: Record<CeasefireGrouping, Grouping> = {
  STATUS: { kind: "column", field: "status" },
  START_YEAR: { kind: "period", field: "startDate", unit: "year" },
  PARTY_COUNTRY: { kind: "related", path: ["parties", "country"], key: "code", label: "name" },
  PARTY_ORGANIZATION: { kind: "related", path: ["parties", "organization"], key: "slug", label: "name" },
};
