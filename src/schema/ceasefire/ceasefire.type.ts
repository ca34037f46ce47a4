import { createUnionType, Field, ObjectType, registerEnumType } from "type-graphql";
import { CeasefireStatus } from "../../generated/prisma/client";
import { ConnectionType } from "../common/connection";
import { DateScalar, InstantScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import { Country } from "../country/country.type";
import { Fact } from "../fact/fact.interface";
import { Organization } from "../organization/organization.type";
import { taggedTypeName } from "../../read/read-model";

registerEnumType(CeasefireStatus, {
  name: "CeasefireStatus",
  description: "Where a ceasefire stands.",
  valuesConfig: {
    PROPOSED: { description: "Proposed, not yet in force." },
    IN_FORCE: { description: "In force, however fragile." },
    ENDED: { description: "No longer in force." },
  },
});

/** The read stage tags each party with its type (read-model.ts `typeKey`). */
export const ceasefirePartyTypeName = taggedTypeName;

export const CeasefireParty = createUnionType({
  name: "CeasefireParty",
  description: "A party bound by a ceasefire: a country or an organization.",
  types: () => [Country, Organization] as const,
  resolveType: ceasefirePartyTypeName,
});

@ObjectType({ implements: Fact, description: "A truce between two or more parties.", simpleResolvers: true })
export class Ceasefire extends Fact {
  @Field({ description: "Stable human-readable key, unique among ceasefires." })
  slug!: string;

  @Field({ description: "Common name, e.g. `Israel–Hezbollah ceasefire`." })
  name!: string;

  @Field(() => DateScalar, { nullable: true, description: "When it took effect." })
  startDate!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `startDate` is: a year or a month is given as its first day." })
  startDatePrecision!: DatePrecision;

  @Field(() => DateScalar, { nullable: true, description: "When it ended, if it has." })
  endDate!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `endDate` is: a year or a month is given as its first day." })
  endDatePrecision!: DatePrecision;

  @Field(() => InstantScalar, { nullable: true, description: "When it took effect, to the minute, where reported (ISO 8601, UTC)." })
  startsAt!: Date | null;

  @Field(() => InstantScalar, { nullable: true, description: "When it ended, to the minute, where reported (ISO 8601, UTC)." })
  endsAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The IANA time zone its times were reported in (`Asia/Beirut`), to show them as local times." })
  timeZone!: string | null;

  @Field(() => CeasefireStatus, { description: "Where it stands." })
  status!: CeasefireStatus;

  @Field(() => String, { nullable: true, description: "How compliance is monitored, and by whom." })
  monitoringMechanism!: string | null;

  @Field(() => String, { nullable: true, description: "Its history, in a few sentences." })
  summary!: string | null;

  agreementId!: string | null;
  monitoringBodyId!: string | null;
}

export const CeasefireConnection = ConnectionType("Ceasefire", Ceasefire, "ceasefire");

export const CeasefirePartyConnection = ConnectionType("CeasefireParty", CeasefireParty, "party");
