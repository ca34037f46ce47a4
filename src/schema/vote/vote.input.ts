import { VoteOutcome } from "../../generated/prisma/client";
import { datedFields, enumField, intField, nameField, refField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Vote } from "./vote.type";

export const voteWrites = defineWrites({
  name: "Vote",
  model: "vote",
  kind: "VOTE",
  type: Vote,
  fields: {
    slug: slugField("Stable key."),
    title: nameField("What was voted on, in a line.", { required: true }),
    summary: textField("How it went."),
    ...datedFields("date", "When it was held"),
    outcome: enumField(VoteOutcome, "Adopted or rejected."),
    votesFor: intField("Votes in favour."),
    votesAgainst: intField("Votes against."),
    abstentions: intField("Abstentions."),
    bodyId: refField("organization", "The body that voted"),
    placeId: refField("place", "Where it was held"),
    meetingId: refField("meeting", "The meeting it was held at"),
    ceasefireId: refField("ceasefire", "The ceasefire it was about"),
    agreementId: refField("agreement", "The agreement it was about"),
    planId: refField("plan", "The plan it was about"),
  },
});
