// What is wrong with an article document: every error found, each at its path, reported together
// (up to a bound) so that an editor fixes a document in one round instead of one error per try.

/** One error, at its place in the document, e.g. `meetings.0.delegations.1.leader`. */
export interface DocumentIssue {
  path: string;
  message: string;
}

/** At most this many errors are listed; the rest are counted ("…and N more"). */
export const MAX_REPORTED_ISSUES = 50;

export class InvalidDocumentError extends Error {
  /** The errors listed, in document order within each check, at most MAX_REPORTED_ISSUES. */
  readonly issues: DocumentIssue[];
  /** How many more errors there were beyond `issues`. */
  readonly omitted: number;

  constructor(issues: DocumentIssue[]) {
    const listed = issues.slice(0, MAX_REPORTED_ISSUES);
    const omitted = issues.length - listed.length;
    const lines = listed.map(formatIssue);
    if (omitted) lines.push(`…and ${omitted} more`);
    // One error reads as before ("path: message"); several are listed in one readable message.
    super(issues.length === 1 ? lines[0] : `The document has ${issues.length} errors: ${lines.join("; ")}`);
    this.issues = listed;
    this.omitted = omitted;
  }

  /** One line per error (and one for the omitted ones): what the CLI prints. */
  lines(): string[] {
    const lines = this.issues.map(formatIssue);
    if (this.omitted) lines.push(`…and ${this.omitted} more errors`);
    return lines;
  }
}

export function formatIssue({ path, message }: DocumentIssue): string {
  return path ? `${path}: ${message}` : message;
}

/** `["people", 0, "slug"]` → `people.0.slug`. */
export function pathString(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}
