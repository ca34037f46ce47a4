// The kinds of fact an article can report, and the table and GraphQL type of each: shared by the
// claims, the importer and the schema (schema/fact/fact-kind.ts registers the GraphQL enum).
import { FactKind } from "../generated/prisma/client";
import type { ModelName } from "./rows";

export { FactKind };

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
  AGREEMENT: { model: "agreement", typeName: "Agreement" },
  TERM: { model: "term", typeName: "Term" },
  VOTE: { model: "vote", typeName: "Vote" },
};

/**
 * The kinds of fact a statement can be about (its subjects): the entities with a natural key, which
 * articles and editors can name. Each kind's subjects are the claimed set `subject<TypeName>Ids`.
 */
export const SUBJECT_KINDS = ["COUNTRY", "PLACE", "ORGANIZATION", "PERSON", "CEASEFIRE", "MEETING", "AGREEMENT", "PLAN", "TERM", "VOTE"] as const satisfies readonly FactKind[];
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const subjectField = (kind: SubjectKind): string => `subject${factKinds[kind].typeName}Ids`;

const kindByTypeName = new Map(Object.entries(factKinds).map(([kind, { typeName }]) => [typeName, kind as FactKind]));

export function factKindOfType(typeName: string): FactKind {
  const kind = kindByTypeName.get(typeName);
  if (!kind) throw new Error(`${typeName} is not a fact type`);
  return kind;
}
