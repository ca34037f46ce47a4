// The read model: which table each GraphQL object type is read from, and which of its fields
// are relations. A relation is named by its Prisma relation field; the model it reaches and the
// foreign key that joins them come from the data model Prisma generates (data-model.ts), so a
// key is written only in schema.prisma. Resolvers load relations through these entries (batched
// loaders, `Loaders.related`), and the selection compiler (read-sql.ts) turns the same entries
// into one SQL statement per query, so the two paths cannot disagree about keys or order.
import type { ModelName, OrderBy, Rows } from "../database/rows";
import { models, relationField, type RelationsOf } from "../database/data-model";
import { factKinds, SUBJECT_KINDS, type SubjectKind } from "../database/fact-kinds";
import type { FactKind } from "../generated/prisma/client";
import { and, type Condition, equals, or, PARENT_ID, related, reportedIn, subjectOf } from "./condition";
import { lastDayOf } from "../validation";

/** A to-one relation: the parent row's `foreignKey` column holds the related row's id. */
export interface ToOne<M extends ModelName = ModelName> {
  kind: "one";
  model: M;
  foreignKey: string;
}

/**
 * A to-many relation: the rows of `model` that match `belongs`, a condition in which PARENT_ID
 * stands for the parent's id (condition.ts); listed in `orderBy`, then id.
 */
export interface ToMany<M extends ModelName = ModelName> {
  kind: "many";
  model: M;
  belongs: Condition;
  orderBy: OrderBy;
  narrowedBy?: Narrowing;
}

/**
 * A field argument that keeps some of a relation's rows (a person's roles held on a date). The
 * list is read whole, with `columns`, and each alias keeps its own rows (`askedRows`): aliases of
 * one field share one read, and may ask for different values.
 */
export interface Narrowing {
  argument: string;
  columns: string[];
  keeps: (row: Record<string, unknown>, value: unknown) => boolean;
}

/**
 * A to-many relation over rows of several types (a union or an interface): each variant's rows
 * that match its `belongs`, listed together by their sort keys, then id. With `argument`, the
 * field's argument of that name picks the variants whose `when` it equals (all when it is null).
 */
export interface ToVariants {
  kind: "variants";
  variants: Variant[];
  argument?: string;
}

export interface Variant {
  /** The GraphQL object type of the variant's rows. */
  type: string;
  model: ModelName;
  belongs: Condition;
  /** What the rows sort by, the same number of keys in every variant: columns, or text. */
  sortBy: ({ column: string } | { text: string })[];
  when?: string;
}

export type Relation = ToOne | ToMany | ToVariants;

type Target<M extends ModelName, F extends keyof RelationsOf<M>> = RelationsOf<M>[F] extends { model: infer T } ? Extract<T, ModelName> : never;
type FieldsOfKind<M extends ModelName, K extends "one" | "many"> = {
  [F in keyof RelationsOf<M>]: RelationsOf<M>[F] extends { kind: K } ? F : never;
}[keyof RelationsOf<M>] &
  string;

/** The relations of `model`'s rows, declared by their Prisma relation field names. */
function relationsOf<M extends ModelName>(model: M) {
  return {
    /** A to-one relation: `field` holds the related row's key. */
    one<F extends FieldsOfKind<M, "one">>(field: F): ToOne<Target<M, F>> {
      const relation = relationField(model, field);
      return { kind: "one", model: relation.model as Target<M, F>, foreignKey: relation.foreignKey };
    },
    /** A to-many relation: the rows of `field`, in `orderBy` order. */
    many<F extends FieldsOfKind<M, "many">>(field: F, orderBy: OrderBy = []): ToMany<Target<M, F>> {
      const relation = relationField(model, field);
      return { kind: "many", model: relation.model as Target<M, F>, belongs: equals(relation.foreignKey, PARENT_ID), orderBy };
    },
  };
}

/** A to-many relation of any shape: the rows of `model` matching `belongs` (PARENT_ID is the parent's id). */
function rowsOf<M extends ModelName>(model: M, belongs: Condition, orderBy: OrderBy = []): ToMany<M> {
  return { kind: "many", model, belongs, orderBy };
}

/** The parties to a ceasefire, countries and organizations, by name. */
const ceasefireParties: ToVariants = {
  kind: "variants",
  variants: (["country", "organization"] as const).map((model) => ({
    type: model === "country" ? "Country" : "Organization",
    model,
    belongs: related("ceasefireParties", equals("ceasefireId", PARENT_ID)),
    sortBy: [{ column: "name" }],
  })),
};

/**
 * Countries, organizations and people linked to the parent by rows of a link table (an
 * agreement's signatories, a meeting's mediators), by name: `links` is each one's relation to
 * those rows, `parentKey` the rows' column holding the parent's id.
 */
const linkedEntities = (links: "agreementsSigned" | "mediations" | "bodyMemberships" | "statementSpeakers" | "meetingHosts", parentKey: string, also: Condition = and()): ToVariants => ({
  kind: "variants",
  variants: (["country", "organization", "person"] as const).map((model) => ({
    type: model[0].toUpperCase() + model.slice(1),
    model,
    belongs: related(links, and(equals(parentKey, PARENT_ID), also)),
    sortBy: [{ column: "name" }],
  })),
});

/** Facts of `kinds` that match `belongs(kind)`, by kind, then slug or code; `argument` picks kinds when given. */
const factsOfKinds = (kinds: readonly FactKind[], belongs: (kind: FactKind) => Condition, argument?: string): ToVariants => ({
  kind: "variants",
  ...(argument && { argument }),
  variants: kinds.map((kind) => {
    const { model, typeName } = factKinds[kind];
    const naturalKey = "slug" in models[model].columns ? "slug" : "code" in models[model].columns ? "code" : "id";
    return { type: typeName, model, belongs: belongs(kind), sortBy: [{ text: kind }, { column: naturalKey }], when: kind };
  }),
});

/** The facts an article reports, of every kind (or of the `kind` asked), by kind, then slug or code. */
const factsOfArticle = factsOfKinds(Object.keys(factKinds) as FactKind[], (kind) => reportedIn(kind, PARENT_ID), "kind");

/** What a statement is about: entities of every kind, by kind, then slug or code. */
const subjectsOfStatement = factsOfKinds(SUBJECT_KINDS, (kind) => subjectOf(kind, PARENT_ID));

/** The statements about the parent, a fact of `kind` (one of their subjects), by date. */
const statementsAbout = (kind: SubjectKind) =>
  rowsOf("statement", related("subjects", and(equals("factKind", kind), equals("factId", PARENT_ID))), byDate);

/** The articles that report a fact of `kind`, oldest first: linked by `factSource` rows. */
const sourcesOf = (kind: FactKind) =>
  rowsOf("article", related("facts", and(equals("factKind", kind), equals("factId", PARENT_ID))), [{ publishedOn: "asc" }]);

const meeting = relationsOf("meeting");
const delegation = relationsOf("delegation");
const delegationMember = relationsOf("delegationMember");
const person = relationsOf("person");
const place = relationsOf("place");
const organization = relationsOf("organization");
const country = relationsOf("country");
const ceasefire = relationsOf("ceasefire");
const statement = relationsOf("statement");
const plan = relationsOf("plan");
const personRole = relationsOf("personRole");
const reportedFigure = relationsOf("reportedFigure");
const agreement = relationsOf("agreement");
const term = relationsOf("term");
const vote = relationsOf("vote");

const byDate: OrderBy = [{ date: "asc" }, { slug: "asc" }];
const byMeetingDate: OrderBy = [{ meeting: { date: "asc" } }];
const newestFirst: OrderBy = [{ startDate: "desc" }, { slug: "asc" }];
const bySigningDate: OrderBy = [{ signedOn: { sort: "asc", nulls: "last" } }, { slug: "asc" }];
/** Agreements signed by the parent (a country, organization or person): through their signatory rows. */
const signedBy = (key: "countryId" | "organizationId" | "personId") => rowsOf("agreement", related("signatories", equals(key, PARENT_ID)), bySigningDate);
/** The bodies the parent (a country, organization or person) chairs or belongs to, by name. */
const bodiesOf = (key: "countryId" | "organizationId" | "personId") => rowsOf("organization", related("bodyMembers", equals(key, PARENT_ID)), [{ name: "asc" }]);
/** Statements the parent (a country, organization or person) made, alone or with others. */
const spokenBy = (key: "countryId" | "organizationId" | "personId") => rowsOf("statement", related("speakers", equals(key, PARENT_ID)), byDate);
/** Meetings the parent (a country, organization or person) hosted, alone or with others. */
const hostedBy = (key: "countryId" | "organizationId" | "personId") => rowsOf("meeting", related("hosts", equals(key, PARENT_ID)), byDate);
/**
 * Roles held on the day of the field's `activeOn`, by their dates: begun by then and not ended
 * before it, an unknown start or end being open, an end known to the month or year lasting to
 * that period's last day; except a role reported FORMER with no end date, whose end is unknown.
 * Their reported `status` says what was true when reported.
 */
const heldOn: Narrowing = {
  argument: "activeOn",
  columns: ["startDate", "endDate", "endDatePrecision", "status"],
  keeps: (row, day) => {
    const { startDate, endDate, endDatePrecision, status } = row as { startDate: Date | null; endDate: Date | null; endDatePrecision: string; status: string };
    const time = (day as Date).getTime();
    if (!endDate && status === "FORMER") return false;
    return (!startDate || startDate.getTime() <= time) && (!endDate || lastDayOf(endDate, endDatePrecision) >= time);
  },
};
const byDeadline: OrderBy = [{ deadline: { sort: "asc", nulls: "last" } }, { slug: "asc" }];

/**
 * GraphQL object types by name: their table and their relation fields (GraphQL name: relation).
 * Fields not listed here keep their own resolvers and loaders.
 */
export const readModel = {
  Meeting: {
    model: "meeting",
    relations: {
      sources: sourcesOf("MEETING"),
      statementsAbout: statementsAbout("MEETING"),
      delegations: meeting.many("delegations", [{ country: { name: "asc" } }]),
      place: meeting.one("place"),
      hosts: linkedEntities("meetingHosts", "meetingId"),
      host: meeting.one("host"),
      mediators: linkedEntities("mediations", "meetingId"),
      mediator: meeting.one("mediator"),
      mediatingCountry: meeting.one("mediatorCountry"),
      ceasefire: meeting.one("ceasefire"),
      agreements: meeting.many("agreements", bySigningDate),
      votes: meeting.many("votes", byDate),
    },
  },
  Delegation: {
    model: "delegation",
    relations: {
      sources: sourcesOf("DELEGATION"),
      meeting: delegation.one("meeting"),
      country: delegation.one("country"),
      leader: delegation.one("leader"),
      members: delegation.many("members", [{ person: { name: "asc" } }]),
    },
  },
  DelegationMember: {
    model: "delegationMember",
    relations: {
      sources: sourcesOf("DELEGATION_MEMBER"),
      person: delegationMember.one("person"),
      delegation: delegationMember.one("delegation"),
    },
  },
  Person: {
    model: "person",
    relations: {
      sources: sourcesOf("PERSON"),
      statementsAbout: statementsAbout("PERSON"),
      nationality: person.one("nationality"),
      roles: { ...person.many("roles", [{ title: "asc" }]), narrowedBy: heldOn },
      // Led or joined, by delegation id.
      delegations: rowsOf("delegation", or(equals("leaderId", PARENT_ID), related("members", equals("personId", PARENT_ID)))),
      ledDelegations: person.many("ledDelegations", byMeetingDate),
      memberships: person.many("memberships", [{ delegation: { meeting: { date: "asc" } } }]),
      mediatedMeetings: rowsOf("meeting", related("mediations", equals("personId", PARENT_ID)), byDate),
      // In a delegation, as its leader or a member.
      meetings: rowsOf(
        "meeting",
        related("delegations", or(equals("leaderId", PARENT_ID), related("members", equals("personId", PARENT_ID)))),
        [{ date: { sort: "asc", nulls: "last" } }],
      ),
      statements: spokenBy("personId"),
      hostedMeetings: hostedBy("personId"),
      agreementsSigned: signedBy("personId"),
      bodies: bodiesOf("personId"),
    },
  },
  Place: {
    model: "place",
    relations: {
      sources: sourcesOf("PLACE"),
      statementsAbout: statementsAbout("PLACE"),
      country: place.one("country"),
      within: place.one("within"),
      places: place.many("contains", [{ name: "asc" }]),
      meetings: place.many("meetings", byDate),
      agreements: place.many("agreements", bySigningDate),
      terms: place.many("terms", byDeadline),
      statements: place.many("statements", byDate),
    },
  },
  Organization: {
    model: "organization",
    relations: {
      sources: sourcesOf("ORGANIZATION"),
      statementsAbout: statementsAbout("ORGANIZATION"),
      country: organization.one("country"),
      roles: { ...organization.many("roles", [{ title: "asc" }]), narrowedBy: heldOn },
      hostedMeetings: hostedBy("organizationId"),
      ceasefires: rowsOf("ceasefire", related("parties", equals("organizationId", PARENT_ID)), newestFirst),
      statements: spokenBy("organizationId"),
      plans: organization.many("plansResponsible", [{ slug: "asc" }]),
      targetedBy: organization.many("plansTargeting", [{ slug: "asc" }]),
      agreementsSigned: signedBy("organizationId"),
      chairs: linkedEntities("bodyMemberships", "bodyId", equals("role", "CHAIR")),
      members: linkedEntities("bodyMemberships", "bodyId", equals("role", "MEMBER")),
      bodies: bodiesOf("organizationId"),
      monitoredCeasefires: organization.many("monitoredCeasefires", newestFirst),
      votes: organization.many("votes", byDate),
      terms: organization.many("termsBinding", byDeadline),
    },
  },
  Country: {
    model: "country",
    relations: {
      sources: sourcesOf("COUNTRY"),
      statementsAbout: statementsAbout("COUNTRY"),
      people: country.many("people", [{ name: "asc" }]),
      organizations: country.many("organizations", [{ name: "asc" }]),
      delegations: country.many("delegations", byMeetingDate),
      ceasefires: rowsOf("ceasefire", related("parties", equals("countryId", PARENT_ID)), newestFirst),
      agreementsSigned: signedBy("countryId"),
      bodies: bodiesOf("countryId"),
      terms: country.many("termsBinding", byDeadline),
      statements: spokenBy("countryId"),
      hostedMeetings: hostedBy("countryId"),
    },
  },
  Ceasefire: {
    model: "ceasefire",
    relations: {
      sources: sourcesOf("CEASEFIRE"),
      statementsAbout: statementsAbout("CEASEFIRE"),
      parties: ceasefireParties,
      mediators: linkedEntities("mediations", "ceasefireId"),
      agreement: ceasefire.one("agreement"),
      monitoringBody: ceasefire.one("monitoringBody"),
      terms: ceasefire.many("terms", byDeadline),
      plans: ceasefire.many("plans", byDeadline),
      votes: ceasefire.many("votes", byDate),
      figures: ceasefire.many("figures", [{ slug: "asc" }]),
      statements: ceasefire.many("statements", byDate),
      meetings: ceasefire.many("meetings", byDate),
    },
  },
  Statement: {
    model: "statement",
    relations: {
      sources: sourcesOf("STATEMENT"),
      subjects: subjectsOfStatement,
      speakers: linkedEntities("statementSpeakers", "statementId"),
      place: statement.one("place"),
      speakerPerson: statement.one("speakerPerson"),
      speakerOrganization: statement.one("speakerOrganization"),
      speakerCountry: statement.one("speakerCountry"),
      ceasefire: statement.one("ceasefire"),
      figures: statement.many("figures", [{ slug: "asc" }]),
    },
  },
  Plan: {
    model: "plan",
    relations: {
      sources: sourcesOf("PLAN"),
      statementsAbout: statementsAbout("PLAN"),
      responsibleOrganization: plan.one("responsibleOrganization"),
      targetOrganization: plan.one("targetOrganization"),
      approvedBy: plan.one("approvedBy"),
      ceasefire: plan.one("ceasefire"),
      agreement: plan.one("agreement"),
      votes: plan.many("votes", byDate),
    },
  },
  Agreement: {
    model: "agreement",
    relations: {
      sources: sourcesOf("AGREEMENT"),
      statementsAbout: statementsAbout("AGREEMENT"),
      signatories: linkedEntities("agreementsSigned", "agreementId"),
      mediators: linkedEntities("mediations", "agreementId"),
      place: agreement.one("place"),
      meeting: agreement.one("meeting"),
      ceasefires: agreement.many("ceasefires", newestFirst),
      terms: agreement.many("terms", byDeadline),
      plans: agreement.many("plans", byDeadline),
      votes: agreement.many("votes", byDate),
    },
  },
  Vote: {
    model: "vote",
    relations: {
      sources: sourcesOf("VOTE"),
      statementsAbout: statementsAbout("VOTE"),
      body: vote.one("body"),
      place: vote.one("place"),
      meeting: vote.one("meeting"),
      ceasefire: vote.one("ceasefire"),
      agreement: vote.one("agreement"),
      plan: vote.one("plan"),
    },
  },
  Term: {
    model: "term",
    relations: {
      sources: sourcesOf("TERM"),
      statementsAbout: statementsAbout("TERM"),
      ceasefire: term.one("ceasefire"),
      agreement: term.one("agreement"),
      boundCountry: term.one("boundCountry"),
      boundOrganization: term.one("boundOrganization"),
      place: term.one("place"),
    },
  },
  PersonRole: {
    model: "personRole",
    relations: {
      sources: sourcesOf("PERSON_ROLE"),
      person: personRole.one("person"),
      organization: personRole.one("organization"),
      country: personRole.one("country"),
    },
  },
  ReportedFigure: {
    model: "reportedFigure",
    relations: {
      sources: sourcesOf("REPORTED_FIGURE"),
      statement: reportedFigure.one("statement"),
      ceasefire: reportedFigure.one("ceasefire"),
    },
  },
  Article: { model: "article", relations: { facts: factsOfArticle } },
} as const satisfies Record<string, { model: ModelName; relations: Record<string, Relation> }>;

export type ReadModel = typeof readModel;
export type ReadTypeName = keyof ReadModel;
export type RelationName<T extends ReadTypeName> = keyof ReadModel[T]["relations"] & string;
/** The types whose rows are facts, with their sources. */
export type FactTypeName = { [T in ReadTypeName]: "sources" extends RelationName<T> ? T : never }[ReadTypeName];

/** What a relation resolves to: a list of rows, or one row or null. */
export type Related<R> = R extends ToMany<infer M>
  ? Rows[M][]
  : R extends ToOne<infer M>
    ? Rows[M] | null
    : R extends ToVariants
      ? TypedRow[]
      : never;

/** A row of a variant relation: `@type` names its GraphQL type (for unions' and interfaces' resolveType). */
export type TypedRow = { id: string; [typeKey]: string } & Record<string, unknown>;
/** The GraphQL type of a row the read stage tagged: what a union's or interface's resolveType answers. */
export const taggedTypeName = (row: object): string => (row as TypedRow)[typeKey];
export const typeKey = "@type";

export function isReadType(typeName: string): typeName is ReadTypeName {
  return Object.hasOwn(readModel, typeName);
}

/** The rows of a to-many or variant relation that the field's arguments ask for (another alias may have read more). */
export function askedRows<Row extends Record<string, unknown>>(relation: ToMany | ToVariants, rows: Row[], args: Record<string, unknown>): Row[] {
  if (relation.kind === "variants") return askedVariants(relation, rows as unknown as TypedRow[], args) as unknown as Row[];
  const narrowing = relation.narrowedBy;
  const value = narrowing ? args[narrowing.argument] : null;
  return value == null ? rows : rows.filter((row) => narrowing!.keeps(row, value));
}

/** The rows of a variant relation that the field's argument asks for (another alias may have read more). */
export function askedVariants(relation: ToVariants, rows: TypedRow[], args: Record<string, unknown>): TypedRow[] {
  const value = relation.argument ? args[relation.argument] : null;
  if (value == null) return rows;
  const types = new Set(relation.variants.filter((variant) => variant.when === value).map((variant) => variant.type));
  return rows.filter((row) => types.has(row[typeKey]));
}

export function relationOf(typeName: ReadTypeName, field: string): Relation | undefined {
  return (readModel[typeName].relations as Record<string, Relation>)[field];
}

/**
 * Where a row read by the compiler keeps a relation it read ahead: `@<field>`, a key no column
 * or GraphQL field can have. Absent (undefined) means "not read ahead"; null is a missing to-one.
 */
export const prefetchedKey = (field: string): string => `@${field}`;
