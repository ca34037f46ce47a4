// type-graphql's @Authorized(...roles) check: no viewer is UNAUTHENTICATED, a viewer without
// every role asked for is FORBIDDEN. Thrown before the resolver runs, so nothing is written.
import type { AuthChecker } from "type-graphql";
import { forbidden, unauthenticated } from "../auth/tokens";
import type { Context } from "./context";

export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated("This operation needs a bearer token.");
  const missing = roles.filter((role) => !context.viewer!.roles.includes(role));
  if (missing.length > 0) throw forbidden(`This operation needs the role(s): ${missing.join(", ")}.`);
  return true;
};
