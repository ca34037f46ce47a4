// A list filter's `from` and `to` dates: both inclusive, either may be left out.
import { BadUserInputError } from "../../errors";
import { compare, type Condition } from "../../read/condition";

export interface DateRange {
  from?: Date | null;
  to?: Date | null;
}

/** Conditions keeping rows whose date `field` is within the range; a range that ends before it starts is the client's mistake. */
export function withinDates(field: string, { from, to }: DateRange): Condition[] {
  if (from && to && from > to) throw new BadUserInputError("`filter.from` must not be after `filter.to`.", "filter.from");
  return [...(from ? [compare(field, ">=", from)] : []), ...(to ? [compare(field, "<=", to)] : [])];
}
