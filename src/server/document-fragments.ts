// A GraphQL document's named fragments, by name: what every walk over an operation's selections
// (the limits, the SDL gate, Playground's tabs) needs to follow `...Name`. Cached per parsed
// document: Apollo hands the same object for the same query text, so the request hooks that
// need it share one map per document instead of each building one per request.
import { type DocumentNode, type FragmentDefinitionNode, Kind } from "graphql";

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
