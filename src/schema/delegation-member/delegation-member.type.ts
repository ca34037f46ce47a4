import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Attendance, MemberRole } from "../../generated/prisma/client";
import { ConnectionType } from "../common/connection";
import { Fact } from "../fact/fact.interface";

registerEnumType(MemberRole, {
  name: "MemberRole",
  description: "A member's part in a delegation.",
  valuesConfig: {
    CIVILIAN_REPRESENTATIVE: { description: "A civilian sent to represent a government or leader." },
    NON_MILITARY_MEMBER: { description: "A member described only as not military." },
    DIPLOMAT: { description: "A diplomat." },
    GOVERNMENT_OFFICIAL: { description: "A minister, head of government or other official." },
    MILITARY_OFFICER: { description: "A military officer." },
    ECONOMIC_OFFICIAL: { description: "An official for economic affairs." },
    OTHER: { description: "Any other part; see roleNote." },
  },
});

registerEnumType(Attendance, {
  name: "Attendance",
  description: "How sure the reporting is that a member took part.",
  valuesConfig: {
    CONFIRMED: { description: "Reported as fact." },
    REPORTED: { description: "Reported as hearsay (\"reportedly\")." },
  },
});

@ObjectType({ implements: Fact, description: "A person's place in a delegation.", simpleResolvers: true })
export class DelegationMember extends Fact {
  @Field(() => MemberRole, { description: "The member's part in the delegation." })
  role!: MemberRole;

  @Field(() => String, { nullable: true, description: "How the reporting describes the role." })
  roleNote!: string | null;

  @Field(() => Attendance, { description: "How sure the reporting is that the member took part." })
  attendance!: Attendance;

  delegationId!: string;
  personId!: string;
}

export const DelegationMemberConnection = ConnectionType("DelegationMember", DelegationMember, "delegation member");
