import { Field, ObjectType, registerEnumType } from "type-graphql";
import { OrganizationKind } from "../../generated/prisma/client";
import { ConnectionType } from "../common/connection";
import { Fact } from "../fact/fact.interface";

registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What sort of organization it is.",
  valuesConfig: {
    ARMED_GROUP: { description: "A non-state armed group or militia." },
    MILITARY: { description: "A state's armed forces." },
    GOVERNMENT_BODY: { description: "A government, ministry, office or council." },
    PEACEKEEPING_FORCE: { description: "An international peacekeeping force." },
    INTERNATIONAL_ORGANIZATION: { description: "An intergovernmental organization." },
    NEWS_AGENCY: { description: "A news agency or publisher." },
    MONITORING_BODY: { description: "A body set up to monitor a ceasefire or an agreement, with a chair and members." },
  },
});

@ObjectType({ implements: Fact, description: "A group, force, agency or government body.", simpleResolvers: true })
export class Organization extends Fact {
  @Field({ description: "Stable human-readable key, unique among organizations." })
  slug!: string;

  @Field({ description: "Full name." })
  name!: string;

  @Field(() => [String], { description: "Acronyms and other spellings (e.g. UNIFIL, Hizbollah)." })
  aliases!: string[];

  @Field(() => OrganizationKind, { description: "What sort of organization it is." })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: "What the organization is, in a sentence." })
  description!: string | null;

  countryId!: string | null;
}

export const OrganizationConnection = ConnectionType("Organization", Organization, "organization");
