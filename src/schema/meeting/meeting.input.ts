import { dateField, nameField, refField, slugField, textField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Meeting } from "./meeting.type";

export const meetingWrites = defineWrites({
  name: "Meeting",
  model: "meeting",
  kind: "MEETING",
  type: Meeting,
  fields: {
    slug: slugField("Stable key."),
    title: nameField("What the meeting was, in a line.", { required: true }),
    date: dateField("When it took place"),
    purpose: textField("What it was meant to achieve."),
    summary: textField("What happened."),
    placeId: refField("place", "Where it took place"),
    hostId: refField("organization", "Who hosted it"),
    mediatorId: refField("person", "Who mediated it"),
    mediatorCountryId: refField("country", "The country that mediated it"),
    ceasefireId: refField("ceasefire", "The ceasefire whose framework it was held in"),
  },
});
