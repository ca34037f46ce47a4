// Conditions on a model's rows, as a small tree of the read stage's own: list filters and keyset
// bounds are built from these, and read-sql.ts compiles every node into the page's statement.
// Why not Prisma's `where`: its forms are many, and a compiler that knew only some of them fell
// back to Prisma (more statements) whenever a filter stepped outside; every node here compiles.
import type { FactKind } from "../generated/prisma/client";

export type Comparison = "=" | "<" | "<=" | ">" | ">=";

/** In a relation's condition (read-model.ts), stands for the id of the row whose relation it is. */
export const PARENT_ID: unique symbol = Symbol("the parent row's id");

/** An article: its id, the parent row's id, or a condition on the article's row (its slug, say). */
export type ArticleNamed = string | typeof PARENT_ID | Condition;

export type Condition =
  | { kind: "and" | "or"; parts: Condition[] }
  | { kind: "compare"; field: string; operator: Comparison; value: unknown }
  | { kind: "isNull"; field: string; negated: boolean }
  /** The column's text contains `text` literally (no wildcards). */
  | { kind: "contains"; field: string; text: string }
  /** Through a relation field (schema.prisma): the related row (to-one) or some related row (to-many) matches. */
  | { kind: "related"; relation: string; where: Condition }
  /** The row is a fact of `factKind` that an article reports: the one with this id (or PARENT_ID), or the one matching a condition. */
  | { kind: "reportedIn"; factKind: FactKind; article: ArticleNamed }
  /** The row is a fact of `factKind` that a statement is about (one of its subjects): the one with this id, or PARENT_ID. */
  | { kind: "subjectOf"; factKind: FactKind; statement: string | typeof PARENT_ID };

export const and = (...parts: Condition[]): Condition => ({ kind: "and", parts });
export const or = (...parts: Condition[]): Condition => ({ kind: "or", parts });
/** Every row. */
export const always: Condition = and();

/** `field` equals `value`; null means the column is NULL. */
export const equals = (field: string, value: unknown): Condition =>
  value === null ? { kind: "isNull", field, negated: false } : { kind: "compare", field, operator: "=", value };
export const compare = (field: string, operator: Comparison, value: unknown): Condition => ({ kind: "compare", field, operator, value });
export const isNotNull = (field: string): Condition => ({ kind: "isNull", field, negated: true });
export const contains = (field: string, text: string): Condition => ({ kind: "contains", field, text });
export const related = (relation: string, where: Condition): Condition => ({ kind: "related", relation, where });
export const reportedIn = (factKind: FactKind, article: ArticleNamed): Condition => ({ kind: "reportedIn", factKind, article });
export const subjectOf = (factKind: FactKind, statement: string | typeof PARENT_ID): Condition => ({ kind: "subjectOf", factKind, statement });
