// `updatedAt` doubles as a row's version for write preconditions (expectedUpdatedAt), so every
// change must give it a new value. Prisma's @updatedAt takes the clock's time, which two writes
// within one millisecond (or a clock set back) would share: a write takes at least one
// millisecond more than the value it replaces. Millisecond precision matches the column
// (timestamptz(3)) and the API (DateTimeISO), so the value a client reads is the stored one.
export function nextUpdatedAt(previous: Date): Date {
  return new Date(Math.max(Date.now(), previous.getTime() + 1));
}
