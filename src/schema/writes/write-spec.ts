// One declaration per entity of what clients may write: each field's GraphQL type, its
// validation (zod), whether a create needs it, and which table an id field must point into.
// From it come the `<Entity>Input` (create) and `<Entity>Patch` (update) input types and the
// validation of both, so a field is described once for the schema, the checks and the docs.
import { type ClassType, Field, ID, InputType } from "type-graphql";
import { z } from "zod";
import { BadUserInputError } from "../../errors";
import { models } from "../../database/data-model";
import { keyNames, keyOf } from "../common/keys";
import type { FactKind } from "../../generated/prisma/client";
import type { ModelName, Rows, Tx } from "../../database/rows";


export interface WriteField {
  /** The GraphQL type of the field (for `@Field`). */
  graphql: () => unknown;
  /** Checks of a given (non-null) value. */
  schema: z.ZodType;
  description: string;
  /** A create must give it (and an update may not clear it). */
  required?: boolean;
  /** It may be left out but not cleared: its column has a default (a date's precision). */
  notNull?: boolean;
  /** The value is the id of a row of this table, which must exist. */
  ref?: ModelName;
}

export interface WriteSpec<M extends ModelName> {
  /** GraphQL name of the entity, e.g. "Meeting". */
  name: string;
  model: M;
  /** Fact kind for source links; absent for articles, which are sources themselves. */
  kind?: FactKind;
  /** The entity's object type, returned by the mutations. */
  type: ClassType<object>;
  fields: Record<string, WriteField>;
  /** Rules across fields, checked on the row as it will be after the write (e.g. dates in order). */
  check?: (row: Record<string, unknown>) => { field: string; message: string } | null;
  /** Writes that are not columns of the row (e.g. a ceasefire's parties), in the same transaction. */
  afterWrite?: (tx: Tx, row: Rows[M], input: Record<string, unknown>, actor: string) => Promise<void>;
  /** Input fields handled by afterWrite or the claims rather than stored as columns. */
  extraFields?: Record<string, WriteField>;
  /**
   * Older single inputs kept for clients that predate a set (`mediatorId` before `mediatorPersonIds`),
   * each by the set it belongs to: given, it is a set of one (none for null), unless the set is given too.
   */
  olderSingles?: Record<string, string>;
}

/** The parts of a spec the checks need (independent of the row type). */
export type FieldTable = Pick<WriteSpec<ModelName>, "fields" | "extraFields" | "kind" | "check">;

export interface Writable<M extends ModelName> extends WriteSpec<M> {
  CreateInput: ClassType<Record<string, unknown>>;
  PatchInput: ClassType<Record<string, unknown>>;
}

const SOURCES_FIELD: WriteField = {
  graphql: () => [ID],
  schema: z.array(z.string()).max(100),
  description: "Articles (ids or slugs) that report this fact: each is linked as a source (links are only added).",
  ref: "article",
};

/** "a meeting", "an article", "a delegation member": for descriptions. */
export function nounPhrase(typeName: string): string {
  const noun = typeName.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

/** Declares the writable fields of an entity and builds its input types. */
export function defineWrites<M extends ModelName>(spec: WriteSpec<M>): Writable<M> {
  const allFields = { ...spec.fields, ...spec.extraFields, ...(spec.kind ? { sourceArticleIds: SOURCES_FIELD } : {}) };
  return {
    ...spec,
    CreateInput: inputClass(`${spec.name}Input`, `The fields of ${nounPhrase(spec.name)} to create.`, allFields, true),
    PatchInput: inputClass(
      `${spec.name}Patch`,
      `Changes to ${nounPhrase(spec.name)}: only the fields given change; null clears an optional field.`,
      allFields,
      false,
    ),
  };
}

function inputClass(
  name: string,
  description: string,
  fields: Record<string, WriteField>,
  forCreate: boolean,
): ClassType<Record<string, unknown>> {
  // A named class per input type; its fields are declared with the same decorators a
  // hand-written input class would carry, applied here from the field table.
  const Input = { [name]: class {} }[name];
  for (const [field, spec] of Object.entries(fields)) {
    Field(spec.graphql as () => never, {
      nullable: !(forCreate && spec.required),
      description: spec.description,
    })(Input.prototype, field);
  }
  InputType(name, { description })(Input);
  return Input as ClassType<Record<string, unknown>>;
}

/**
 * Checks an input against the field table. `forCreate`: required fields must be there; for a
 * patch they may be absent but not null. Throws BAD_USER_INPUT naming the offending field.
 */
export function validateInput(
  spec: FieldTable,
  input: Record<string, unknown>,
  forCreate: boolean,
): Record<string, unknown> {
  const fields = { ...spec.fields, ...spec.extraFields, ...(spec.kind ? { sourceArticleIds: SOURCES_FIELD } : {}) };
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [
      name,
      forCreate && field.required
        ? field.schema
        : field.required || field.notNull
          ? field.schema.optional()
          : field.schema.nullish(),
    ]),
  );
  const result = z.object(shape).safeParse(withoutUndefined(input));
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = ["input", ...issue.path].join(".");
    const given = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown>)?.[key], input);
    const message = given === null ? "must not be null" : issue.message;
    throw new BadUserInputError(`\`${path}\` ${message}.`, path);
  }
  return result.data as Record<string, unknown>;
}

function withoutUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ ...input }).filter(([, value]) => value !== undefined));
}

/**
 * The input with every reference (an id, or a natural key: a slug, an ISO code) replaced by the
 * id of the row it names, which must exist (one query per field). Throws BAD_USER_INPUT naming
 * the field otherwise.
 */
export async function resolveReferences(tx: Tx, spec: FieldTable, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const fields: Record<string, WriteField> = { ...spec.fields, ...spec.extraFields, ...(spec.kind ? { sourceArticleIds: SOURCES_FIELD } : {}) };
  const resolved = { ...input };
  for (const [name, field] of Object.entries(fields)) {
    const value = input[name];
    if (!field.ref || value == null) continue;
    const ids = await idsOf(tx, field.ref, Array.isArray(value) ? (value as string[]) : [value as string], `input.${name}`);
    resolved[name] = Array.isArray(value) ? ids : ids[0];
  }
  return resolved;
}

/** The ids of the rows of `model` the keys name, in order. */
async function idsOf(tx: Tx, model: ModelName, keys: string[], field: string): Promise<string[]> {
  const named = keys.map((key) => {
    const by = keyOf(model, key);
    if (!by) throw new BadUserInputError(`\`${field}\`: "${key}" is not a valid ${keyNames(model)}.`, field);
    return by;
  });
  const naturalKey = models[model].naturalKey;
  const byField = (wanted: string) => [...new Set(named.filter((by) => by.field === wanted).map((by) => by.value))];
  const where = [
    { id: { in: byField("id") } },
    ...(naturalKey ? [{ [naturalKey]: { in: byField(naturalKey) } }] : []),
  ];
  const found = await (tx[model] as unknown as { findMany(a: object): Promise<Record<string, string>[]> }).findMany({
    where: { OR: where },
    select: { id: true, ...(naturalKey && { [naturalKey]: true }) },
  });
  return named.map((by, index) => {
    const row = found.find((candidate) => candidate[by.field] === by.value);
    if (!row) throw new BadUserInputError(`\`${field}\`: there is no ${model} with ${by.field === "id" ? "id" : models[model].naturalKey} "${keys[index]}".`, field);
    return row.id;
  });
}

export const columnsOf = (spec: FieldTable, input: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input).filter(([name]) => name in spec.fields));
