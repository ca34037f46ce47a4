// How precise a reported date is: "in 2019" is stored as 2019-01-01 with the precision YEAR, so a
// client shows "2019", not "1 January 2019", and the timeline says which events are dated loosely.
import { registerEnumType } from "type-graphql";
import { DatePrecision } from "../../generated/prisma/client";

registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How precise a date is. A year or a month is given as its first day (`2019-01-01`, `2025-12-01`).",
  valuesConfig: {
    YEAR: { description: "Only the year is known." },
    MONTH: { description: "The month is known, not the day." },
    DAY: { description: "The day is known." },
  },
});

export { DatePrecision };
