// A GraphQL document's named fragments, by name: what every walk over an operation's selections
// (the limits, the SDL gate, Playground's tabs) needs to follow `...Name`. Cached per parsed
// document: Apollo hands the same object for the same query text, so the request hooks that
// need it share one map per document instead of each building one per request.
import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from "graphql";

const byDocument = new WeakMap<DocumentNode, ReadonlyMap<string, FragmentDefinitionNode>>();

export function fragmentsOf(document: DocumentNode): ReadonlyMap<string, FragmentDefinitionNode> {
  let fragments = byDocument.get(document);
  if (!fragments) {
    const found = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) found.set(definition.name.value, definition);
    }
    fragments = found;
    byDocument.set(document, fragments);
  }
  return fragments;
}

/** Whether the root selection asks for one of `names`, directly, under an alias, or through fragments. */
export function selectsRootField(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  names: readonly string[],
  seen = new Set<string>(),
): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return names.includes(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsRootField(selection.selectionSet, fragments, names, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return false;
    seen.add(fragment.name.value);
    return selectsRootField(fragment.selectionSet, fragments, names, seen);
  });
}
