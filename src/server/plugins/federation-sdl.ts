// `_service { sdl }` hands out the whole schema, as introspection does, so it follows the same
// switch: with introspection off it is refused before execution, unless the request carries the
// federation router's credential (the shared secret in FEDERATION_SDL_SECRET, in the
// x-newsgraph-router-secret header). `_entities` stays open: routers call it for every query that
// crosses into this subgraph, and it only answers for keys the caller already holds.
import { createHash, timingSafeEqual } from "node:crypto";
import { type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode } from "graphql";
import type { RequestHooks, RequestPlugin } from "./request-plugins";
import { fragmentsOf } from "../document-fragments";

export const ROUTER_SECRET_HEADER = "x-newsgraph-router-secret";
export const INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED";

export function federationSdlPlugin(options: { introspection: boolean; routerSecret?: string }): RequestPlugin {
  if (options.introspection) return () => undefined;
  const expected = options.routerSecret === undefined ? undefined : digest(options.routerSecret);
  const hooks: RequestHooks = {
    didResolveOperation({ operation, document, request }) {
      if (!operation || operation.operation !== "query") return;
      const fragments = fragmentsOf(document);
      if (!selectsRootField(operation.selectionSet, fragments, "_service")) return;
      const sent = request.http?.headers.get(ROUTER_SECRET_HEADER);
      // Compared as digests: equal lengths for timingSafeEqual, and no early exit on a prefix.
      if (expected && sent !== undefined && timingSafeEqual(digest(sent), expected)) return;
      throw new GraphQLError("_service is not available: introspection is disabled on this server.", {
        extensions: { code: INTROSPECTION_DISABLED, http: { status: 403 } },
      });
    },
  };
  return () => hooks;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Whether the root selection asks for `name`, directly, under an alias, or through fragments. */
function selectsRootField(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  name: string,
  seen = new Set<string>(),
): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsRootField(selection.selectionSet, fragments, name, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return false;
    seen.add(fragment.name.value);
    return selectsRootField(fragment.selectionSet, fragments, name, seen);
  });
}
