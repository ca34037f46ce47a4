// `_service { sdl }` hands out the whole schema, as introspection does, so it follows the same
// switch: with introspection off it is refused before execution, unless the request carries the
// federation router's credential (router-credential.ts). `_entities` stays open: routers call it
// for every query that crosses into this subgraph, and it only answers for keys the caller
// already holds.
import { GraphQLError } from "graphql";
import type { RequestHooks, RequestPlugin } from "./request-plugins";
import { fragmentsOf, selectsRootField } from "../document-fragments";
import type { RouterCheck } from "../router-credential";

export const INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED";

export function federationSdlPlugin(options: { introspection: boolean; isRouter: RouterCheck }): RequestPlugin {
  if (options.introspection) return () => undefined;
  const hooks: RequestHooks = {
    didResolveOperation({ operation, document, request }) {
      if (!operation || operation.operation !== "query") return;
      if (!selectsRootField(operation.selectionSet, fragmentsOf(document), ["_service"])) return;
      if (options.isRouter(request.http?.headers)) return;
      throw new GraphQLError("_service is not available: introspection is disabled on this server.", {
        extensions: { code: INTROSPECTION_DISABLED, http: { status: 403 } },
      });
    },
  };
  return () => hooks;
}
