// Errors clients see, each with a stable `extensions.code`. Resolvers throw these; anything
// else that escapes is logged and shown to clients only as INTERNAL_SERVER_ERROR (src/server).
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

/** The SQLSTATE of the database's own data rules (triggers), whose messages are for clients. */
const DATA_RULE_SQLSTATE = "NG001";

/** The request's input is wrong; `field` names the argument or input path that is. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field?: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}), ...details } });
  }
}

/**
 * The client-facing error for a database error a write ran into, or null when it is not one
 * the client caused: a duplicate natural key, a row that vanished, a reference still in use.
 */
export function clientErrorFromDatabase(error: unknown): GraphQLError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  if (name !== "PrismaClientKnownRequestError" || typeof code !== "string") return null;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } } } }).meta?.driverAdapterError?.cause;
  // SQLSTATE NG001: a rule of the data a trigger enforces (a place within itself), its message written for clients.
  if (cause?.originalCode === DATA_RULE_SQLSTATE && typeof cause.originalMessage === "string") return new BadUserInputError(cause.originalMessage);
  const target = describeTarget((error as { meta?: Record<string, unknown> }).meta);
  switch (code) {
    case "P2002":
      return new GraphQLError(`Another row already has this ${target || "unique key"}.`, {
        extensions: { code: ErrorCode.CONFLICT },
      });
    case "P2003":
      return new GraphQLError("The change would leave a reference to a row that does not exist, or is still in use.", {
        extensions: { code: ErrorCode.CONFLICT },
      });
    case "P2025":
      return new GraphQLError("The row to change does not exist.", {
        extensions: { code: ErrorCode.NOT_FOUND },
      });
    default:
      return null;
  }
}

function describeTarget(meta: Record<string, unknown> | undefined): string {
  const fields = meta?.target ?? (meta?.driverAdapterError as { cause?: { constraint?: { fields?: unknown } } })?.cause?.constraint?.fields;
  return Array.isArray(fields) ? fields.map(String).join(", ") : typeof fields === "string" ? fields : "";
}
