import { refField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Delegation } from "./delegation.type";

export const delegationWrites = defineWrites({
  name: "Delegation",
  model: "delegation",
  kind: "DELEGATION",
  type: Delegation,
  fields: {
    meetingId: refField("meeting", "The meeting it attended", { required: true }),
    countryId: refField("country", "The country it represented; one delegation per country and meeting", {
      required: true,
    }),
    leaderId: refField("person", "Who led it"),
    description: textField("Who was in it, in a sentence."),
  },
});
