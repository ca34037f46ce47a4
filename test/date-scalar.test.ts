// The Date scalar's fast serialize (src/schema/common/scalars.ts) answers exactly as
// graphql-scalars' DateResolver does, for every value a resolver may hand it; the keyset cursors'
// isoString exactly as toISOString.
import { DateResolver } from "graphql-scalars";
import { DateScalar } from "../src/schema/common/scalars";
import { isoString } from "../src/validation";

/** What a serialize gives: its value, or the message it throws. */
function outcome(serialize: (value: unknown) => unknown, value: unknown): unknown {
  try {
    return { value: serialize(value) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

test("serializes every day of 1999-2001, leap days included, as the library does", () => {
  const days = Array.from({ length: 3 * 366 }, (_, i) => new Date(Date.UTC(1999, 0, 1 + i)));
  const ours = days.map((day) => DateScalar.serialize(day));
  expect(ours).toEqual(days.map((day) => DateResolver.serialize(day)));
  expect(ours.filter((text) => String(text).endsWith("-02-29"))).toEqual(["2000-02-29"]);
});

test("answers as the library at the edges: other years, times of day, strings and invalid values", () => {
  const values: unknown[] = [
    new Date("1000-01-01T00:00:00.000Z"),
    new Date("9999-12-31T23:59:59.999Z"),
    new Date("0999-12-31T00:00:00.000Z"),
    new Date("+010000-01-01T00:00:00.000Z"),
    new Date("-000001-06-15T00:00:00.000Z"),
    new Date("2024-11-27T23:30:00.000Z"),
    new Date(Number.NaN),
    "2024-11-27",
    "2024-02-30",
    "yesterday",
    20241127,
    null,
  ];
  const expected = [
    { value: "1000-01-01" },
    { value: "9999-12-31" },
    { value: "0999-12-31" },
    { value: "+010000-01-01" },
    { value: "-000001-06-15" },
    { value: "2024-11-27" },
    { error: "Date cannot represent an invalid Date instance" },
    { value: "2024-11-27" },
    { error: "Date cannot represent an invalid date-string 2024-02-30." },
    { error: "Date cannot represent an invalid date-string yesterday." },
    { error: "Date cannot represent a non string, or non Date type 20241127" },
    { error: "Date cannot represent a non string, or non Date type null" },
  ];
  expect(values.map((value) => outcome((v) => DateResolver.serialize(v), value))).toEqual(expected);
  expect(values.map((value) => outcome((v) => DateScalar.serialize(v), value))).toEqual(expected);
});

test("keeps the library's name, description, parsing and specification link", () => {
  const { serialize: _ours, ...ours } = DateScalar.toConfig();
  const { serialize: _library, ...library } = DateResolver.toConfig();
  expect(ours).toEqual(library);
  expect(DateScalar.parseValue("2024-11-27")).toEqual(new Date("2024-11-27T00:00:00.000Z"));
});

test("isoString prints every date as toISOString: midnights of every day of 1999-2001, other years, times of day", () => {
  const midnights = Array.from({ length: 3 * 366 }, (_, i) => new Date(Date.UTC(1999, 0, 1 + i)));
  const others = [
    new Date("0001-01-01T00:00:00.000Z"),
    new Date("0999-12-31T00:00:00.000Z"),
    new Date("1969-12-31T00:00:00.000Z"),
    new Date("1970-01-01T00:00:00.000Z"),
    new Date("9999-12-31T00:00:00.000Z"),
    new Date("+010000-01-01T00:00:00.000Z"),
    new Date("-000001-06-15T00:00:00.000Z"),
    new Date("1969-12-31T23:59:59.999Z"),
    new Date("2025-12-05T00:00:00.001Z"),
    new Date("2024-11-27T23:30:00.000Z"),
  ];
  const dates = [...midnights, ...others];
  expect(dates.map(isoString)).toEqual(dates.map((date) => date.toISOString()));
  expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
});
