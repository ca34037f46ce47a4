// Structured JSON logs (pino), one object a line on stdout. Request lines carry the request id,
// the operation name, duration and outcome; never headers, tokens, queries' variables or SQL.
import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "../config";

export type { Logger };

export interface LoggerOptions {
  level: LogLevel;
  /** Where the lines go; stdout by default (tests pass a stream to read them). */
  destination?: DestinationStream;
}

/**
 * Keys whose values never reach a log line, wherever a caller puts them (one or two levels
 * deep): credentials, and GraphQL variables, which may hold anything a client sends.
 */
const REDACTED_KEYS = ["authorization", "cookie", "password", "token", "accessToken", "refreshToken", "secret", "variables"];

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: "newsgraph" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: "[redacted]" },
    },
    options.destination,
  );
}
