// Page sizes of connections: what a list returns without `first`/`last`, and the most it may ask.
// Here, below the schema, because the read stage reads a nested page per parent (read-plan.ts)
// and the operation limits cost connections by the same default.
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
