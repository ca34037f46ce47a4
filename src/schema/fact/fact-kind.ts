// The kinds of fact an article can report, and how each maps to its table and GraphQL type.
import { registerEnumType } from "type-graphql";
import { FactKind } from "../../generated/prisma/client";
import type { ModelName } from "../../database/rows";

export { FactKind };

registerEnumType(FactKind, {
  name: "FactKind",
  description: "The kinds of fact an article can be the source of.",
});

export const factKinds: Record<FactKind, { model: ModelName; typeName: string }> = {
  COUNTRY: { model: "country", typeName: "Country" },
  PLACE: { model: "place", typeName: "Place" },
  PERSON: { model: "person", typeName: "Person" },
  PERSON_ROLE: { model: "personRole", typeName: "PersonRole" },
  ORGANIZATION: { model: "organization", typeName: "Organization" },
  MEETING: { model: "meeting", typeName: "Meeting" },
  DELEGATION: { model: "delegation", typeName: "Delegation" },
  DELEGATION_MEMBER: { model: "delegationMember", typeName: "DelegationMember" },
  CEASEFIRE: { model: "ceasefire", typeName: "Ceasefire" },
  STATEMENT: { model: "statement", typeName: "Statement" },
  REPORTED_FIGURE: { model: "reportedFigure", typeName: "ReportedFigure" },
  PLAN: { model: "plan", typeName: "Plan" },
};

const kindByTypeName = new Map(
  Object.entries(factKinds).map(([kind, { typeName }]) => [typeName, kind as FactKind]),
);

export function factKindOfType(typeName: string): FactKind {
  const kind = kindByTypeName.get(typeName);
  if (!kind) throw new Error(`${typeName} is not a fact type`);
  return kind;
}

/** Marks a row with its kind, so the Fact interface can tell which GraphQL type it is. */
export const FACT_KIND = Symbol("factKind");
export type TaggedFact = { id: string; [FACT_KIND]: FactKind };

export function tagFact<Row extends { id: string }>(kind: FactKind, row: Row): Row & TaggedFact {
  return { ...row, [FACT_KIND]: kind };
}
