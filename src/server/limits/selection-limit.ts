// The selection limit: how many fields an operation selects once its fragments are expanded,
// and how often a document asks for the whole schema. Checked on the query text before Apollo
// parses, validates or compiles anything.
//
// Why before everything else: a document of ~2 KB whose fragments each spread the previous one
// twice (`fragment F2 on Meeting { ...F1 ...F1 }`, ... `F40`) passes the token, depth, alias and
// cost limits (they are counted per fragment, once), yet expands to 2^40 fields; graphql-jit's
// compilation walks the expansion and blocked the event loop for seconds to forever. The same
// expansion is what execution would walk. Counting it here is linear: each fragment's expanded
// size is computed once and multiplied by the number of places it is spread.
//
// Why not Apollo's `maxRecursiveSelections` (the same count): it is a validation rule, so every
// other validation rule still runs over the document first, and Apollo has no hook before
// validation that can refuse a request cleanly (an error thrown there becomes an unexpected
// INTERNAL_SERVER_ERROR). So the GraphQL HTTP handler asks this module first (graphql-http.ts).
import {
  type DocumentNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
} from "graphql";
import { LimitCode, LimitExceededError } from "./limit-error";
import { fragmentsOf } from "../document-fragments";

/** Root fields that answer with the whole schema: introspection's, and federation's SDL. */
const SCHEMA_FIELDS = new Set(["__schema", "_service"]);

/** How many times one document may ask for the whole schema (`__schema` or `_service`). */
export const MAX_SCHEMA_REQUESTS = 1;

export interface DocumentMeasure {
  /** The largest number of fields any one operation selects, fragments expanded. */
  selections: number;
  /** How many times the document's operations select `__schema` or `_service`, fragments expanded. */
  schemaRequests: number;
}

interface Size {
  fields: number;
  schemaFields: number;
}

/** Counts stop growing here (exact below it): 2^53, where a fan-out of a few thousand tokens can go far beyond. */
const COUNT_CAP = Number.MAX_SAFE_INTEGER;

/**
 * Measures a parsed (not necessarily valid) document. Fragment cycles and unknown fragments
 * count nothing here (validation refuses both).
 */
export function measureDocument(document: DocumentNode): DocumentMeasure {
  const fragments = fragmentsOf(document);
  const sizes = new Map<string, Size | "in progress">();
  const bounded = (value: number) => Math.min(value, COUNT_CAP);

  const sizeOfFragment = (name: string): Size => {
    const known = sizes.get(name);
    if (known === "in progress") return { fields: 0, schemaFields: 0 }; // a cycle
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return { fields: 0, schemaFields: 0 };
    sizes.set(name, "in progress");
    const size = sizeOfSelections(fragment.selectionSet);
    sizes.set(name, size);
    return size;
  };

  const sizeOfSelections = (selectionSet: SelectionSetNode): Size => {
    const total: Size = { fields: 0, schemaFields: 0 };
    for (const selection of selectionSet.selections) {
      let inner: Size;
      if (selection.kind === Kind.FIELD) {
        inner = selection.selectionSet ? sizeOfSelections(selection.selectionSet) : { fields: 0, schemaFields: 0 };
        inner = { fields: inner.fields + 1, schemaFields: inner.schemaFields + (SCHEMA_FIELDS.has(selection.name.value) ? 1 : 0) };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = sizeOfSelections(selection.selectionSet);
      } else {
        inner = sizeOfFragment(selection.name.value);
      }
      total.fields = bounded(total.fields + inner.fields);
      total.schemaFields = bounded(total.schemaFields + inner.schemaFields);
    }
    return total;
  };

  const measure: DocumentMeasure = { selections: 0, schemaRequests: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const size = sizeOfSelections((definition as OperationDefinitionNode).selectionSet);
    measure.selections = Math.max(measure.selections, size.fields);
    measure.schemaRequests = bounded(measure.schemaRequests + size.schemaFields);
  }
  return measure;
}

export interface SelectionLimits {
  maxSelections: number;
  maxTokens: number;
}

/** The refusal of a document over the selection limit or asking for the schema more than once; null when it is within them. */
export function selectionLimitError(measure: DocumentMeasure, limits: SelectionLimits): GraphQLError | null {
  // A count that reached the cap is not exact: the message then gives no number.
  const exact = (count: number) => (count < COUNT_CAP ? count : undefined);
  if (measure.selections > limits.maxSelections) {
    return new LimitExceededError(LimitCode.TOO_MANY_SELECTIONS, limits.maxSelections, exact(measure.selections));
  }
  if (measure.schemaRequests > MAX_SCHEMA_REQUESTS) {
    return new LimitExceededError(LimitCode.TOO_MANY_SCHEMA_REQUESTS, MAX_SCHEMA_REQUESTS, exact(measure.schemaRequests));
  }
  return null;
}

/** Query texts already found within the limits are not parsed again; bounded by their total length. */
const ACCEPTED_TEXT_BUDGET = 4 * 1024 * 1024;

/**
 * Checks query texts before Apollo sees them: parses each new text once (stopping at the token
 * limit) and refuses it when over the selection limits. A text that does not parse is left to
 * Apollo, which answers with the syntax error (or the token limit) in its usual form.
 */
export function selectionChecker(limits: SelectionLimits): (query: string) => GraphQLError | null {
  const accepted = new Map<string, true>();
  let acceptedLength = 0;
  return (query) => {
    if (accepted.has(query)) return null;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
    } catch {
      return null;
    }
    const error = selectionLimitError(measureDocument(document), limits);
    if (error) return error;
    if (query.length <= ACCEPTED_TEXT_BUDGET) {
      accepted.set(query, true);
      acceptedLength += query.length;
      // Forget the oldest first (a Map iterates in insertion order).
      for (const oldest of accepted.keys()) {
        if (acceptedLength <= ACCEPTED_TEXT_BUDGET) break;
        accepted.delete(oldest);
        acceptedLength -= oldest.length;
      }
    }
    return null;
  };
}
