// Scalars shared by all types: calendar dates as ISO 8601 `YYYY-MM-DD` (serialized in UTC,
// which is how Prisma returns @db.Date columns).
export { DateResolver as DateScalar } from "graphql-scalars";
// Instants (a meeting's start, a ceasefire's taking effect) as ISO 8601 date-times in UTC; the zone
// they were reported in is a field of its own (`timeZone`).
export { DateTimeISOResolver as InstantScalar } from "graphql-scalars";
