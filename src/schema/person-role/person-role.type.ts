import { Field, ObjectType, registerEnumType } from "type-graphql";
import { RoleStatus } from "../../generated/prisma/client";
import { ConnectionType } from "../common/connection";
import { DateScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import { Fact } from "../fact/fact.interface";

registerEnumType(RoleStatus, {
  name: "RoleStatus",
  description: "Whether a role is held now.",
  valuesConfig: {
    CURRENT: { description: "Held now." },
    ACTING: { description: "Held now, in an acting capacity." },
    FORMER: { description: "Held in the past." },
  },
});

@ObjectType({ implements: Fact, description: "A title or office a person holds or held.", simpleResolvers: true })
export class PersonRole extends Fact {
  @Field({ description: "Stable key, unique among roles: what an article document names it by to add to it or merge with it." })
  slug!: string;

  @Field({ description: "The title, e.g. `Foreign Minister of Israel`." })
  title!: string;

  @Field(() => RoleStatus, { description: "Whether it is held now." })
  status!: RoleStatus;

  @Field(() => DateScalar, { nullable: true, description: "Since when, if reported." })
  startDate!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `startDate` is: a year or a month is given as its first day." })
  startDatePrecision!: DatePrecision;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if reported." })
  endDate!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `endDate` is: a year or a month is given as its first day." })
  endDatePrecision!: DatePrecision;

  personId!: string;
  organizationId!: string | null;
  countryId!: string | null;
}

export const PersonRoleConnection = ConnectionType("PersonRole", PersonRole, "role");
