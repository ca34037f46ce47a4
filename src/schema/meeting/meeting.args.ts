import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import type { Grouping } from "../../read/analyst-sql";
import { PaginationArgs } from "../common/pagination.args";
import { DateScalar } from "../common/scalars";

@InputType({ description: "Conditions a meeting must meet; all given ones apply." })
export class MeetingFilter {
  @Field(() => DateScalar, { nullable: true, description: "Held on or after this date." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Held on or before this date." })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: "A delegation of this country (ISO code) took part." })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: "This person (id or slug) took part: led a delegation, was a member, mediated or hosted." })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: "Held at this place (its id or slug)." })
  placeId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Held at a place whose name or alias contains this text (any case or accents: `naqoura`).",
  })
  placeName?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum MeetingOrderField {
  DATE = "DATE",
  TITLE = "TITLE",
}
registerEnumType(MeetingOrderField, { name: "MeetingOrderField", description: "Fields meetings can be ordered by." });

export const meetingOrderings: ColumnOrderings<MeetingOrderField> = {
  DATE: { field: "date", nullable: true, isDate: true },
  TITLE: { field: "title", nullable: false },
};

export const MeetingOrder = OrderInputType("Meeting", MeetingOrderField, MeetingOrderField.DATE);

@ArgsType()
export class MeetingsArgs extends PaginationArgs {
  @Field(() => MeetingFilter, { nullable: true, description: "Only meetings that match." })
  filter?: MeetingFilter | null;

  @Field(() => MeetingOrder, { nullable: true, description: "Order; by default by date, undated last." })
  orderBy?: OrderInput<MeetingOrderField> | null;
}

export enum MeetingGrouping {
  MONTH = "MONTH",
  YEAR = "YEAR",
  COUNTRY = "COUNTRY",
  HOST = "HOST",
  HOST_COUNTRY = "HOST_COUNTRY",
  HOST_PERSON = "HOST_PERSON",
  PLACE = "PLACE",
  MEDIATOR = "MEDIATOR",
  MEDIATING_COUNTRY = "MEDIATING_COUNTRY",
}
registerEnumType(MeetingGrouping, {
  name: "MeetingGrouping",
  description: "What meetings are counted by.",
  valuesConfig: {
    MONTH: { description: "The month of their date (`2025-12`)." },
    YEAR: { description: "The year of their date." },
    COUNTRY: { description: "Each country that sent a delegation (key: ISO code)." },
    HOST: { description: "Each organization that hosted them (key: slug)." },
    HOST_COUNTRY: { description: "Each country that hosted them (key: ISO code)." },
    HOST_PERSON: { description: "Each person who hosted them (key: slug)." },
    PLACE: { description: "Where they took place (key: slug)." },
    MEDIATOR: { description: "Each person who mediated them (key: slug)." },
    MEDIATING_COUNTRY: { description: "Each country that mediated them (key: ISO code)." },
  },
});

export const meetingGroupings: Record<MeetingGrouping, Grouping> = {
  MONTH: { kind: "period", field: "date", unit: "month" },
  YEAR: { kind: "period", field: "date", unit: "year" },
  COUNTRY: { kind: "related", path: ["delegations", "country"], key: "code", label: "name" },
  HOST: { kind: "related", path: ["hosts", "organization"], key: "slug", label: "name" },
  HOST_COUNTRY: { kind: "related", path: ["hosts", "country"], key: "code", label: "name" },
  HOST_PERSON: { kind: "related", path: ["hosts", "person"], key: "slug", label: "name" },
  PLACE: { kind: "related", path: ["place"], key: "slug", label: "name" },
  MEDIATOR: { kind: "related", path: ["mediations", "person"], key: "slug", label: "name" },
  MEDIATING_COUNTRY: { kind: "related", path: ["mediations", "country"], key: "code", label: "name" },
};
