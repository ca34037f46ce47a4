// Errors clients see, each with a stable `extensions.code`. Resolvers throw these; anything
// else that escapes is logged and shown to clients only as INTERNAL_SERVER_ERROR (src/server).
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

/** The request's input is wrong; `field` names the argument or input path that is. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } });
  }
}
