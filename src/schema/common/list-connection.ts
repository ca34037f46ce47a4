// Connections over relation lists read for a set of parents (with them, or one statement per
// relation and level): in full, or only their first rows when every page asked starts there
// (read-plan.ts). Paging happens here, in the list's order; totalCount is the count read with a
// first page (its `total`), else the list's length.
import { BadUserInputError } from "../../errors";
import { type Connection, LazyConnection, LazyEdge } from "./connection";
import { type PaginationArgs, pageSizes } from "./pagination.args";

const PREFIX = "item:";

export function connectionFromList<Node extends { id: string }>(list: Node[], args: PaginationArgs): Connection<Node> {
  const { first, last } = pageSizes(args);
  let start = 0;
  let end = list.length;
  if (args.after != null) start = positionOf(list, args.after, "after") + 1;
  if (args.before != null) end = positionOf(list, args.before, "before");
  if (end < start) end = start;
  if (first != null) end = Math.min(end, start + first);
  if (last != null) start = Math.max(start, end - last);
  const edges = list.slice(start, end).map((node) => new LazyEdge(node, cursorOf));
  // Like paginate's: no promise is made for the many connections that do not select totalCount.
  const total = (list as { total?: number }).total ?? list.length;
  return new LazyConnection(edges, { hasNextPage: end < list.length, hasPreviousPage: start > 0 }, () => Promise.resolve(total));
}

function cursorOf(node: { id: string }): string {
  return Buffer.from(PREFIX + node.id).toString("base64url");
}

function positionOf(list: { id: string }[], cursor: string, argument: string): number {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const index = decoded.startsWith(PREFIX) ? list.findIndex((node) => node.id === decoded.slice(PREFIX.length)) : -1;
  if (index < 0) throw new BadUserInputError(`\`${argument}\` is not a cursor of this list.`, argument);
  return index;
}
