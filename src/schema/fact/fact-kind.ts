// The fact kinds (database/fact-kinds.ts) as a GraphQL enum, and how a row is tagged with its
// kind so that the Fact interface can tell which GraphQL type it is.
import { registerEnumType } from "type-graphql";
import { FactKind, factKindOfType, factKinds } from "../../database/fact-kinds";

export { FactKind, factKindOfType, factKinds };

registerEnumType(FactKind, {
  name: "FactKind",
  description: "The kinds of fact an article can be the source of.",
});

/** Marks a row with its kind, so the Fact interface can tell which GraphQL type it is. */
export const FACT_KIND = Symbol("factKind");
export type TaggedFact = { id: string; [FACT_KIND]: FactKind };

export function tagFact<Row extends { id: string }>(kind: FactKind, row: Row): Row & TaggedFact {
  return { ...row, [FACT_KIND]: kind };
}
