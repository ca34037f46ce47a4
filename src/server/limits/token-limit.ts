// The token limit. graphql-js's parser enforces it (Apollo's `parseOptions.maxTokens`) and stops
// as soon as a document passes it, so an oversized document costs no more than the limit. Apollo
// reports that like any syntax error (GRAPHQL_PARSE_FAILED); `tokenLimitError` tells it apart by
// counting the document's tokens again, up to the limit, rather than by reading graphql-js's
// wording, and gives it its own code.
import { GraphQLError, Lexer, Source, TokenKind } from "graphql";
import { LimitCode, LimitExceededError } from "./limit-error";

/** The document's tokens as graphql-js's parser counts them (comments excluded), counting stops past `max`. */
export function countTokens(body: string, max: number): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error ends the document as the parser sees it.
  }
  return count;
}

/** The TOO_MANY_TOKENS refusal when `error` is a parse failure of a document over `maxTokens`. */
export function tokenLimitError(error: unknown, maxTokens: number): LimitExceededError | null {
  const body = error instanceof GraphQLError ? error.source?.body : undefined;
  if (body === undefined || body.length <= maxTokens) return null; // every token is at least one character
  return countTokens(body, maxTokens) > maxTokens ? new LimitExceededError(LimitCode.TOO_MANY_TOKENS, maxTokens) : null;
}
