// type-graphql's @Authorized(...roles) check: no viewer is UNAUTHENTICATED, a viewer without
// every role asked for is FORBIDDEN. Thrown before the resolver runs, so nothing is written.
import type { AuthChecker } from "type-graphql";
import type { Context } from "../schema/context";
import { forbidden, unauthenticated } from "./tokens";

export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated("This operation needs a bearer token.");
  const missing = roles.filter((role) => !context.viewer!.roles.includes(role));
  if (missing.length > 0) throw forbidden(`This operation needs the role(s): ${missing.join(", ")}.`);
  return true;
};
