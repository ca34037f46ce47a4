// Scalars shared by all types: calendar dates as ISO 8601 `YYYY-MM-DD` (serialized in UTC,
// which is how Prisma returns @db.Date columns).
import { GraphQLScalarType } from "graphql";
import { DateResolver } from "graphql-scalars";
import { isoDay } from "../../validation";

/**
 * graphql-scalars' Date with a faster `serialize` for the common case, a valid Date of a
 * four-digit year, printed by `isoDay`: the library's (`toISOString().split("T")[0]` after a
 * validity check) took 0.53 µs a date against 0.07 µs, 3.6 % of the name search's CPU, which prints
 * ~50 dates a request (docs/performance.md, step 14). Everything else (strings, other years, invalid
 * values: its errors) is the library's, as are parsing, the name and the description.
 */
export const DateScalar = new GraphQLScalarType({
  ...DateResolver.toConfig(),
  serialize(value) {
    if (value instanceof Date) {
      const year = value.getUTCFullYear();
      if (year >= 1000 && year <= 9999) return isoDay(value);
    }
    return DateResolver.serialize(value);
  },
});

// Instants (a meeting's start, a ceasefire's taking effect) as ISO 8601 date-times in UTC; the zone
// they were reported in is a field of its own (`timeZone`).
export { DateTimeISOResolver as InstantScalar } from "graphql-scalars";
