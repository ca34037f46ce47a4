// The refusals of the abuse limits: one error code per limit, and a message that names the
// limit, what the request measured (when known) and the maximum, so a client can tell which
// knob it hit and by how much.
import { GraphQLError } from "graphql";

export const LimitCode = {
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  TOO_MANY_DIRECTIVES: "TOO_MANY_DIRECTIVES",
  TOO_MANY_TOKENS: "TOO_MANY_TOKENS",
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
  TOO_MANY_SELECTIONS: "TOO_MANY_SELECTIONS",
  TOO_MANY_SCHEMA_REQUESTS: "TOO_MANY_SCHEMA_REQUESTS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
} as const;
export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];

/** What each limit is called in messages ("Query depth 14 exceeds the maximum of 12."). */
const SUBJECT: Record<LimitCode, { noun: string; unit?: string }> = {
  QUERY_TOO_DEEP: { noun: "Query depth" },
  TOO_MANY_ALIASES: { noun: "Query alias count" },
  TOO_MANY_DIRECTIVES: { noun: "Query directive count" },
  TOO_MANY_TOKENS: { noun: "Query token count" },
  QUERY_TOO_COSTLY: { noun: "Query cost" },
  TOO_MANY_SELECTIONS: { noun: "Expanded field count" },
  TOO_MANY_SCHEMA_REQUESTS: { noun: "Schema request count (`__schema`, `_service`)" },
  PAYLOAD_TOO_LARGE: { noun: "Request body size", unit: "bytes" },
};

/** The message of a refusal; `actual` is left out where it is unknown (a parser that stopped early). */
export function limitMessage(code: LimitCode, maximum: number, actual?: number): string {
  const { noun, unit } = SUBJECT[code];
  const suffix = unit ? ` ${unit}` : "";
  const measured = actual === undefined ? "" : ` ${actual}${suffix}`;
  return `${noun}${measured} exceeds the maximum of ${maximum}${suffix}.`;
}

/** A request refused by a limit: `extensions` carry the code, the maximum and what was measured. */
export class LimitExceededError extends GraphQLError {
  constructor(code: LimitCode, maximum: number, actual?: number, status = 400) {
    super(limitMessage(code, maximum, actual), {
      extensions: {
        code,
        maximum,
        ...(actual === undefined ? {} : { actual }),
        // Read by Apollo Server for the HTTP status, and removed from the response body.
        http: { status },
      },
    });
  }
}
