import { actorListFields, datedFields, instantField, mediatorFields, nameField, refField, slugField, textField, timeZoneField } from "../writes/fields";
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
    ...datedFields("date", "When it took place"),
    startsAt: instantField("When it began, to the minute"),
    timeZone: timeZoneField(),
    purpose: textField("What it was meant to achieve."),
    summary: textField("What happened."),
    placeId: refField("place", "Where it took place"),
    ceasefireId: refField("ceasefire", "The ceasefire whose framework it was held in"),
  },
  extraFields: {
    ...mediatorFields("it"),
    ...actorListFields("host", "hosted it", "hosts"),
    // Kept for older clients (input fields marked deprecated are hidden from default introspection).
    hostId: refField("organization", "Its one organization host (null: none). For older clients: `hostOrganizationIds` takes several"),
    mediatorId: refField("person", "Its one person mediator (null: none). For older clients: `mediatorPersonIds` takes several"),
    mediatorCountryId: refField("country", "Its one country mediator (null: none). For older clients: `mediatorCountryIds` takes several"),
  },
  olderSingles: { mediatorId: "mediatorPersonIds", mediatorCountryId: "mediatorCountryIds", hostId: "hostOrganizationIds" },
});
