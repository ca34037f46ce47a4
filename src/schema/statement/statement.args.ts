import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import type { Grouping } from "../../read/analyst-sql";
import { PaginationArgs } from "../common/pagination.args";
import { DateScalar } from "../common/scalars";

@InputType({ description: "Conditions a statement must meet; all given ones apply." })
export class StatementFilter {
  @Field(() => DateScalar, { nullable: true, description: "Made on or after this date (undated statements never match)." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Made on or before this date (undated statements never match)." })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: "Said by this person (id or slug)." })
  speakerPersonId?: string | null;

  @Field(() => ID, { nullable: true, description: "Said by this organization (id or slug)." })
  speakerOrganizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "Stating the position of this country (id or ISO code)." })
  speakerCountryId?: string | null;

  @Field(() => ID, { nullable: true, description: "About this ceasefire (id or slug)." })
  ceasefireId?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum StatementOrderField {
  DATE = "DATE",
}
registerEnumType(StatementOrderField, { name: "StatementOrderField", description: "Fields statements can be ordered by." });

export const statementOrderings: ColumnOrderings<StatementOrderField> = {
  DATE: { field: "date", nullable: true, isDate: true },
};

export const StatementOrder = OrderInputType("Statement", StatementOrderField, StatementOrderField.DATE);

@ArgsType()
export class StatementsArgs extends PaginationArgs {
  @Field(() => StatementFilter, { nullable: true, description: "Only statements that match." })
  filter?: StatementFilter | null;

  @Field(() => StatementOrder, { nullable: true, description: "Order; by default by date, oldest first (undated ones last)." })
  orderBy?: OrderInput<StatementOrderField> | null;
}

export enum StatementGrouping {
  MONTH = "MONTH",
  YEAR = "YEAR",
  SPEAKER_PERSON = "SPEAKER_PERSON",
  SPEAKER_ORGANIZATION = "SPEAKER_ORGANIZATION",
  SPEAKER_COUNTRY = "SPEAKER_COUNTRY",
  CEASEFIRE = "CEASEFIRE",
}
registerEnumType(StatementGrouping, {
  name: "StatementGrouping",
  description: "What statements are counted by.",
  valuesConfig: {
    MONTH: { description: "The month they were made (`2025-12`)." },
    YEAR: { description: "The year they were made." },
    SPEAKER_PERSON: { description: "The person who spoke (key: slug)." },
    SPEAKER_ORGANIZATION: { description: "The organization that spoke (key: slug)." },
    SPEAKER_COUNTRY: { description: "The country whose position they state (key: ISO code)." },
    CEASEFIRE: { description: "The ceasefire they are about (key: slug)." },
  },
});

export const statementGroupings: Record<StatementGrouping, Grouping> = {
  MONTH: { kind: "period", field: "date", unit: "month" },
  YEAR: { kind: "period", field: "date", unit: "year" },
  SPEAKER_PERSON: { kind: "related", path: ["speakers", "person"], key: "slug", label: "name" },
  SPEAKER_ORGANIZATION: { kind: "related", path: ["speakers", "organization"], key: "slug", label: "name" },
  SPEAKER_COUNTRY: { kind: "related", path: ["speakers", "country"], key: "code", label: "name" },
  CEASEFIRE: { kind: "related", path: ["ceasefire"], key: "slug", label: "name" },
};
