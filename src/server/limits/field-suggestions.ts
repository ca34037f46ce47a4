// graphql-js's "Did you mean ...?" hints name fields, arguments, types and enum values that a
// client got close to: with introspection off they would leak the schema piece by piece. Apollo's
// `hideSchemaDetailsFromClientErrors` removes them from validation errors only; the same hints
// also come with variable values that do not fit their type (an unknown input field or enum
// value), so they are removed here from every message a client gets.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, "");
}
