// Cursors that carry a few JSON values (a keyset's value and id, a timeline event's day, kind
// and id, a search result's position): opaque to clients, base64url of the JSON array.

export function encodeCursorJson(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The cursor's values, or undefined for anything that is not one of ours (every malformed cursor gets the same answer). */
export function decodeCursorJson(cursor: string): unknown[] | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}
