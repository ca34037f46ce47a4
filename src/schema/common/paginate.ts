// Keyset pagination over one ordering column plus the id, with NULLs last in either direction.
// Keyset rather than offset: pages stay correct while rows are added, and deep pages stay fast.
import { BadUserInputError } from "../../errors";
import { isoString, isUuid } from "../../validation";
import { and, compare, type Condition, equals, isNotNull, or } from "../../read/condition";
import type { PageReader } from "../../read/read-sql";
import { type Connection, LazyConnection, LazyEdge } from "./connection";
import { decodeCursorJson, encodeCursorJson } from "./cursor-json";
import { type PaginationArgs, pageSizes } from "./pagination.args";

export interface Ordering {
  field: string;
  direction: "asc" | "desc";
  /** Whether the column can be NULL (such rows come last). */
  nullable: boolean;
  /** Whether the column holds dates (cursors store them as ISO strings); otherwise it holds text. */
  isDate?: boolean;
}

type CursorValue = string | null;

export async function paginate<Row extends { id: string }>(
  reader: PageReader<Row>,
  args: PaginationArgs,
  where: Condition,
  ordering: Ordering,
): Promise<Connection<Row>> {
  const { first, last } = pageSizes(args);
  const backward = last !== null;
  const size = (backward ? last : first)!;
  const after = args.after != null ? decodeCursor(args.after, "after", ordering) : null;
  const before = args.before != null ? decodeCursor(args.before, "before", ordering) : null;
  const bounds = [
    after && keysetCondition(ordering, after, "after"),
    before && keysetCondition(ordering, before, "before"),
  ].filter((bound) => bound !== null);
  const { rows, total } = await reader.findMany({
    where,
    bounds,
    orderBy: orderBy(ordering, backward),
    take: size + 1,
  });
  const hasMore = rows.length > size;
  const page = rows.slice(0, size);
  if (backward) page.reverse();
  const cursorOf = (node: { id: string }) => encodeCursor(ordering, node);
  const edges = page.map((node) => new LazyEdge(node, cursorOf));
  const more = { hasNextPage: backward ? before !== null : hasMore, hasPreviousPage: backward ? hasMore : after !== null };
  // Counted with the page when the selection asks for totalCount; else only if resolved anyway.
  return new LazyConnection(edges, more, () => (total === undefined ? reader.count(where) : Promise.resolve(total)));
}

function orderBy(ordering: Ordering, backward: boolean): object[] {
  const flip = (d: "asc" | "desc") => (d === "asc" ? "desc" : "asc");
  const direction = backward ? flip(ordering.direction) : ordering.direction;
  const column = ordering.nullable
    ? { sort: direction, nulls: backward ? "first" : "last" }
    : direction;
  return [{ [ordering.field]: column }, { id: backward ? "desc" : "asc" }];
}

interface Cursor {
  value: CursorValue | Date;
  id: string;
}

/** Rows strictly after (or before) the cursor's row in the list's order. */
function keysetCondition(ordering: Ordering, cursor: Cursor, side: "after" | "before"): Condition {
  const { field, direction } = ordering;
  const beyond = (side === "after") === (direction === "asc") ? ">" : "<";
  const idBeyond = side === "after" ? ">" : "<";
  if (cursor.value === null) {
    return side === "after"
      ? and(equals(field, null), compare("id", ">", cursor.id))
      : or(isNotNull(field), and(equals(field, null), compare("id", "<", cursor.id)));
  }
  const conditions = [
    compare(field, beyond, cursor.value),
    and(equals(field, cursor.value), compare("id", idBeyond, cursor.id)),
  ];
  if (side === "after" && ordering.nullable) conditions.push(equals(field, null));
  return or(...conditions);
}

function encodeCursor(ordering: Ordering, row: { id: string }): string {
  const value = (row as Record<string, unknown>)[ordering.field];
  const plain = value instanceof Date ? isoString(value) : (value as CursorValue);
  return encodeCursorJson([plain, row.id]);
}

/**
 * The cursor's [value, id], checked against the ordering's column before it reaches SQL: a
 * tampered value the database would refuse (a date outside its range, a NUL in a text, a number
 * for a name) is the client's error, not the server's.
 */
function decodeCursor(cursor: string, argument: string, ordering: Ordering): Cursor {
  const decoded = decodeCursorJson(cursor);
  if (decoded?.length === 2 && typeof decoded[1] === "string" && isUuid(decoded[1])) {
    const [value, id] = decoded as [unknown, string];
    if (value === null && ordering.nullable) return { value, id };
    if (ordering.isDate && isCursorDate(value)) return { value: new Date(value), id };
    if (!ordering.isDate && isCursorText(value)) return { value, id };
  }
  throw new BadUserInputError(`\`${argument}\` is not a valid cursor for this list.`, argument);
}

/**
 * A date exactly as encodeCursor writes it (toISOString), between years 1 and 9999: PostgreSQL
 * has no year 0, and JavaScript dates reach years (±275760) that its columns do not.
 */
function isCursorDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) || value.startsWith("0000")) return false;
  const date = new Date(value);
  // The round trip refuses dates that do not exist (2025-02-30 would become March 2).
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}

/** Text PostgreSQL can hold: no NUL character, no lone UTF-16 surrogate. */
function isCursorText(value: unknown): value is string {
  return typeof value === "string" && !/[\u0000\p{Cs}]/u.test(value);
}
