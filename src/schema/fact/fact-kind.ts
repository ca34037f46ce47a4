// The fact kinds (database/fact-kinds.ts) as a GraphQL enum, and how a row is tagged with its
// type so that the Fact interface can tell which GraphQL type it is.
import { registerEnumType } from "type-graphql";
import { FactKind, factKindOfType, factKinds } from "../../database/fact-kinds";
import { type TypedRow, typeKey } from "../../read/read-model";

export { FactKind, factKindOfType, factKinds };

registerEnumType(FactKind, {
  name: "FactKind",
  description: "The kinds of fact an article can be the source of.",
});

/**
 * Marks a row with its GraphQL type, as the read stage marks the rows of a list of several
 * types (read-model.ts `typeKey`), so the Fact interface can tell which type it is.
 */
export function tagFact<Row extends { id: string }>(kind: FactKind, row: Row): Row & TypedRow {
  return { ...row, [typeKey]: factKinds[kind].typeName };
}
