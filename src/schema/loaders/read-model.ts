// The read model: which table each GraphQL object type is read from, and how its relation
// fields are keyed and ordered. Resolvers load relations through these entries (batched loaders,
// `Loaders.related`), and the selection compiler (read-sql.ts) turns the same entries into one
// SQL statement per query, so the two paths cannot disagree about keys or order.
import type { ModelName, OrderBy, Rows } from "../../database/rows";

/** A to-one relation: the parent row's `foreignKey` column holds the related row's id. */
export interface ToOne<M extends ModelName = ModelName> {
  kind: "one";
  model: M;
  foreignKey: string;
}

/** A to-many relation: the related rows' `foreignKey` column holds the parent's id; listed in `orderBy`, then id. */
export interface ToMany<M extends ModelName = ModelName> {
  kind: "many";
  model: M;
  foreignKey: string;
  orderBy: OrderBy;
  /** Rows that also belong to the parent through a join table (each row listed once). */
  through?: Through;
}

/**
 * A second way for a to-many relation's rows to belong to a parent: rows of the join table
 * `model` whose `key` is the parent's id name a related row by `relatedKey`. `relation` is the
 * related model's Prisma relation field to those join rows. E.g. a person's delegations: the
 * ones they led (`delegation.leaderId`) and the ones they joined (`delegationMember.personId`).
 */
export interface Through {
  relation: string;
  model: ModelName;
  key: string;
  relatedKey: string;
}

export type Relation = ToOne | ToMany;

const one = <M extends ModelName>(model: M, foreignKey: string): ToOne<M> => ({ kind: "one", model, foreignKey });
const many = <M extends ModelName>(model: M, foreignKey: string, orderBy: OrderBy = [], through?: Through): ToMany<M> => ({
  kind: "many",
  model,
  foreignKey,
  orderBy,
  ...(through && { through }),
});

/**
 * GraphQL object types by name: their table and the relation fields that the compiler may read
 * ahead. Fields not listed here keep their own resolvers and loaders.
 */
export const readModel = {
  Meeting: {
    model: "meeting",
    relations: {
      delegations: many("delegation", "meetingId", [{ country: { name: "asc" } }]),
      place: one("place", "placeId"),
      host: one("organization", "hostId"),
      mediator: one("person", "mediatorId"),
      mediatingCountry: one("country", "mediatorCountryId"),
      ceasefire: one("ceasefire", "ceasefireId"),
    },
  },
  Delegation: {
    model: "delegation",
    relations: {
      meeting: one("meeting", "meetingId"),
      country: one("country", "countryId"),
      leader: one("person", "leaderId"),
      members: many("delegationMember", "delegationId", [{ person: { name: "asc" } }]),
    },
  },
  DelegationMember: {
    model: "delegationMember",
    relations: {
      person: one("person", "personId"),
      delegation: one("delegation", "delegationId"),
    },
  },
  Person: {
    model: "person",
    relations: {
      nationality: one("country", "nationalityId"),
      // Led or joined, by delegation id.
      delegations: many("delegation", "leaderId", [], {
        relation: "members",
        model: "delegationMember",
        key: "personId",
        relatedKey: "delegationId",
      }),
    },
  },
  Place: { model: "place", relations: { country: one("country", "countryId") } },
  Organization: { model: "organization", relations: { country: one("country", "countryId") } },
  Country: { model: "country", relations: {} },
  Ceasefire: { model: "ceasefire", relations: {} },
} as const satisfies Record<string, { model: ModelName; relations: Record<string, Relation> }>;

export type ReadModel = typeof readModel;
export type ReadTypeName = keyof ReadModel;
export type RelationName<T extends ReadTypeName> = keyof ReadModel[T]["relations"] & string;

/** What a relation resolves to: a list of rows, or one row or null. */
export type Related<R> = R extends ToMany<infer M> ? Rows[M][] : R extends ToOne<infer M> ? Rows[M] | null : never;

export function isReadType(typeName: string): typeName is ReadTypeName {
  return Object.hasOwn(readModel, typeName);
}

export function relationOf(typeName: ReadTypeName, field: string): Relation | undefined {
  return (readModel[typeName].relations as Record<string, Relation>)[field];
}

/**
 * Where a row read by the compiler keeps a relation it read ahead: `@<field>`, a key no column
 * or GraphQL field can have. Absent (undefined) means "not read ahead"; null is a missing to-one.
 */
export const prefetchedKey = (field: string): string => `@${field}`;
