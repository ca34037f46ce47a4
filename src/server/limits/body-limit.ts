// The JSON body of GraphQL POSTs: at most `maxBytes` (a larger one is refused with 413 before it
// is read, when its Content-Length says so, or as soon as it passes the limit), and every failure
// to read it (too large, not JSON, an unsupported charset or encoding) answered as a GraphQL-style
// JSON error, never express's HTML error page.
import express from "express";
import type { BodyParser } from "../graphql-http";
import { LimitCode, limitMessage } from "./limit-error";

/**
 * body-parser's errors carry a 4xx `status`, and most a `type` (a body that fails to decompress
 * has none).
 */
interface BodyParserError {
  status: number;
  type?: string;
  /** The declared Content-Length, when the request had one. */
  length?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const status = (error as Partial<BodyParserError> | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

function describe(error: BodyParserError, maxBytes: number): { status: number; code: string; message: string } {
  switch (error.type) {
    case "entity.too.large":
      return { status: 413, code: LimitCode.PAYLOAD_TOO_LARGE, message: limitMessage(LimitCode.PAYLOAD_TOO_LARGE, maxBytes, error.length) };
    case "entity.parse.failed":
      return { status: 400, code: "BAD_REQUEST", message: "The request body is not valid JSON." };
    case "charset.unsupported":
    case "encoding.unsupported":
      return { status: 415, code: "BAD_REQUEST", message: "The request body's charset or content encoding is not supported." };
    default:
      return { status: error.status, code: "BAD_REQUEST", message: "The request body could not be read." };
  }
}

/** The answer to a body the parser refused: a status and a GraphQL-style JSON error; undefined for any other error. */
export function bodyErrorResponse(error: unknown, maxBytes: number): { status: number; body: string } | undefined {
  if (!isBodyParserError(error)) return undefined;
  const { status, code, message } = describe(error, maxBytes);
  return { status, body: JSON.stringify({ errors: [{ message, extensions: { code } }] }) };
}

/** The JSON body parser for /graphql, with the size limit; its errors are answered by bodyErrorResponse. */
export function jsonBody(maxBytes: number): BodyParser {
  return express.json({ limit: maxBytes }) as unknown as BodyParser;
}
