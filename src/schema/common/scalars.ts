// Scalars shared by all types: calendar dates as ISO 8601 `YYYY-MM-DD` (serialized in UTC,
// which is how Prisma returns @db.Date columns).
export { DateResolver as DateScalar } from "graphql-scalars";
