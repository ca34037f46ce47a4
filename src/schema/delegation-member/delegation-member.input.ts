import { Attendance, MemberRole } from "../../generated/prisma/client";
import { enumField, refField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { DelegationMember } from "./delegation-member.type";

export const delegationMemberWrites = defineWrites({
  name: "DelegationMember",
  model: "delegationMember",
  kind: "DELEGATION_MEMBER",
  type: DelegationMember,
  fields: {
    delegationId: refField("delegation", "The delegation", { required: true }),
    personId: refField("person", "The member; once per delegation", { required: true }),
    role: enumField(MemberRole, "The member's part in the delegation.", { required: true }),
    roleNote: textField("How the reporting describes the role."),
    attendance: enumField(Attendance, "How sure the reporting is that the member took part (default CONFIRMED)."),
  },
});
