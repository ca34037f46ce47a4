// The data model Prisma generates from schema.prisma (prisma/data-model-generator.js, run by
// `prisma generate`): tables, columns and relations, for the read stage to compile SQL from and
// the relations to take their keys from. Typed `as const`, so a relation named wrongly in the
// read model fails to compile.
import { dataModel } from "../generated/data-model";
import type { ModelName } from "./rows";

export type DataModel = typeof dataModel;
export type RelationsOf<M extends ModelName> = DataModel[M]["relations"];

export interface ColumnInfo {
  column: string;
  type: string;
  required: boolean;
  list?: boolean;
}

export interface RelationInfo {
  model: ModelName;
  kind: "one" | "many";
  /** The foreign key column (Prisma field name): on this model for `keyOn: "self"`, else on the related one. */
  foreignKey: string;
  keyOn: "self" | "related";
  /** The related model's field for the same relation. */
  opposite?: string;
  /** For a key on this model: whether it must be set, and what the database does on delete. */
  required?: boolean;
  onDelete?: string | null;
}

export interface ModelInfo {
  table: string;
  /** The unique column clients may name a row by besides its id (a slug, a country's code). */
  naturalKey?: string;
  columns: Record<string, ColumnInfo>;
  relations: Record<string, RelationInfo>;
}

/** The generated data model by model name, as plain records. */
export const models = dataModel as unknown as Record<ModelName, ModelInfo>;

/** A relation field of `model`; throws when there is none (a read model naming one wrongly). */
export function relationField(model: ModelName, field: string): RelationInfo {
  const relation = models[model]?.relations[field];
  if (!relation) throw new Error(`${model}.${field} is not a relation in schema.prisma`);
  return relation;
}
