// A request that failed because the database is unreachable or too slow answers HTTP 503, so
// that load balancers, routers and clients can tell "try again" from a bug. The errors
// themselves get the SERVICE_UNAVAILABLE code in mask-errors.ts. A request that did reach the
// database without errors marks it available again (the change is logged once).
import type { DatabaseAvailability } from "../../observability/database-availability";
import type { Context } from "../../schema/context";
import type { RequestHooks, RequestPlugin } from "./request-plugins";

export const SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

export function serviceUnavailablePlugin(availability: DatabaseAvailability): RequestPlugin<Context> {
  const hooks: RequestHooks<Context> = {
    willSendResponse({ response, contextValue }) {
      if (response.body.kind !== "single") return;
      const errors = response.body.singleResult.errors ?? [];
      if (errors.some((error) => error.extensions?.code === SERVICE_UNAVAILABLE)) response.http.status = 503;
      else if (errors.length === 0 && (contextValue.record?.statements ?? 0) > 0) availability.succeeded();
    },
  };
  return () => hooks;
}
