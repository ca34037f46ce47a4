// Read-your-writes with read replicas: a replica may not have replayed a write yet, so
//   - a mutation reads on the primary for the whole request (its returned selection sees its write);
//   - a client that has just written sends `X-Newsgraph-Read-Primary: 1`, and the request's reads
//     (Prisma's and the compiled ones) go to the primary.
// Any other value of the header is refused (400, BAD_REQUEST) before anything runs: a typo must
// not silently read stale data. Without replicas the primary is where reads go anyway.
import { GraphQLError } from "graphql";
import type { Context } from "../../schema/context";
import type { RequestHooks, RequestPlugin } from "./request-plugins";

export const READ_PRIMARY_HEADER = "X-Newsgraph-Read-Primary";

export function readPrimaryPlugin(): RequestPlugin<Context> {
  const hooks: RequestHooks<Context> = {
    didResolveOperation({ request, operation, contextValue }) {
      const value = request.http?.headers.get(READ_PRIMARY_HEADER.toLowerCase());
      if (value !== undefined && value !== "1") {
        throw new GraphQLError(`The ${READ_PRIMARY_HEADER} header must be 1 (or absent).`, {
          extensions: { code: "BAD_REQUEST", http: { status: 400 } },
        });
      }
      if (value === "1" || operation?.operation === "mutation") contextValue.readFromPrimary();
    },
  };
  return () => hooks;
}
