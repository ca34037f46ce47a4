// Which fields of each kind of fact are claimed by sources, and how their values are merged.
// A fact's natural key (slug, ISO code, or the parent ids of a delegation or member) is not
// claimed: it names the fact, it is not something a source says about it.
import type { FactKind } from "../generated/prisma/client";
import { isoDay } from "../validation";
import { SUBJECT_KINDS, subjectField } from "../database/fact-kinds";

export type Merge =
  /** One current value: the editor's, else the most recent article's (see derive.ts). */
  | "single"
  /** The union of what every source says (aliases; a ceasefire's parties, an agreement's signatories). */
  | "set";

export interface ClaimedField {
  merge: Merge;
  /** Stored as an ISO date string in the claim, a Date in the row. */
  date?: boolean;
  /** An instant: stored as an ISO date-time string (UTC) in the claim, a Date in the row. */
  instant?: boolean;
  /** The row's column cannot be null: with no claim left, the row keeps its value. */
  required?: boolean;
  /** Not a column: the set is rows of a link table (a ceasefire's parties, an agreement's signatories). */
  links?: LinkSet;
}

/** The link tables whose rows are claimed sets: parts of the fact they belong to, not facts themselves. */
export const LINK_MODELS = ["ceasefireParty", "agreementSignatory", "mediation", "bodyMember", "statementSpeaker", "meetingHost", "statementSubject"] as const;
export type LinkModel = (typeof LINK_MODELS)[number];

/** A set kept as rows of `model`, each joining the fact (`parentKey`) to one other row (`otherKey`). */
export interface LinkSet {
  model: LinkModel;
  parentKey: "meetingId" | "ceasefireId" | "agreementId" | "bodyId" | "statementId";
  /** The other row's id: a country, an organization or a person, or a fact of the kind `fixed` names (a statement's subjects). */
  otherKey: "countryId" | "organizationId" | "personId" | "factId";
  /** Columns every row of the set has these values in (a body's chairs: `role` CHAIR). */
  fixed?: Record<string, string>;
  /** The fact's column that keeps the set's first member too (for a field that predates the set). */
  firstInto?: string;
}

const single: ClaimedField = { merge: "single" };
const required: ClaimedField = { merge: "single", required: true };
const date: ClaimedField = { merge: "single", date: true };
const instant: ClaimedField = { merge: "single", instant: true };
/** A date and how precise it is (`<field>Precision`: a year or a month is stored as its first day), said together. */
const dated = <F extends string>(field: F) => ({ [field]: date, [`${field}Precision`]: required }) as Record<F | `${F}Precision`, ClaimedField>;
const aliases: ClaimedField = { merge: "set" };
const partiesOf = (otherKey: LinkSet["otherKey"]): ClaimedField => ({ merge: "set", links: { model: "ceasefireParty", parentKey: "ceasefireId", otherKey } });
const signatoriesOf = (otherKey: LinkSet["otherKey"]): ClaimedField => ({
  merge: "set",
  links: { model: "agreementSignatory", parentKey: "agreementId", otherKey },
});
/** A meeting's, ceasefire's or agreement's mediators of one kind. */
const mediatorsOf = (parentKey: LinkSet["parentKey"], otherKey: LinkSet["otherKey"], firstInto?: string): ClaimedField => ({
  merge: "set",
  links: { model: "mediation", parentKey, otherKey, ...(firstInto && { firstInto }) },
});
/** A statement's speakers of one kind; the first also in the column the older single field reads. */
const speakersOf = (otherKey: LinkSet["otherKey"], firstInto: string): ClaimedField => ({
  merge: "set",
  links: { model: "statementSpeaker", parentKey: "statementId", otherKey, firstInto },
});
/** A meeting's hosts of one kind. */
const hostsOf = (otherKey: LinkSet["otherKey"], firstInto?: string): ClaimedField => ({
  merge: "set",
  links: { model: "meetingHost", parentKey: "meetingId", otherKey, ...(firstInto && { firstInto }) },
});
/** A statement's subjects, one claimed set per kind of entity (`subjectCountryIds`...): rows naming the kind and the id. */
const subjects = Object.fromEntries(
  SUBJECT_KINDS.map((kind): [string, ClaimedField] => [
    subjectField(kind),
    { merge: "set", links: { model: "statementSubject", parentKey: "statementId", otherKey: "factId", fixed: { factKind: kind } } },
  ]),
);
/** A body's chairs or members of one kind. */
const bodyMembersOf = (role: "CHAIR" | "MEMBER", otherKey: LinkSet["otherKey"]): ClaimedField => ({
  merge: "set",
  links: { model: "bodyMember", parentKey: "bodyId", otherKey, fixed: { role } },
});
const mediators = (parentKey: LinkSet["parentKey"]) => ({
  mediatorPersonIds: mediatorsOf(parentKey, "personId"),
  mediatorOrganizationIds: mediatorsOf(parentKey, "organizationId"),
  mediatorCountryIds: mediatorsOf(parentKey, "countryId"),
});

export const claimedFields: Record<FactKind, Record<string, ClaimedField>> = {
  COUNTRY: { name: required, aliases },
  PLACE: { name: required, aliases, description: single, countryId: single, withinId: single },
  ORGANIZATION: {
    name: required,
    aliases,
    kind: required,
    description: single,
    countryId: single,
    // When it is a body (a monitoring mechanism): who chairs it and who belongs to it.
    chairCountryIds: bodyMembersOf("CHAIR", "countryId"),
    chairOrganizationIds: bodyMembersOf("CHAIR", "organizationId"),
    chairPersonIds: bodyMembersOf("CHAIR", "personId"),
    memberCountryIds: bodyMembersOf("MEMBER", "countryId"),
    memberOrganizationIds: bodyMembersOf("MEMBER", "organizationId"),
    memberPersonIds: bodyMembersOf("MEMBER", "personId"),
  },
  PERSON: { name: required, aliases, isNamed: required, description: single, nationalityId: single },
  PERSON_ROLE: {
    personId: required,
    title: required,
    status: required,
    organizationId: single,
    countryId: single,
    ...dated("startDate"),
    ...dated("endDate"),
  },
  CEASEFIRE: {
    name: required,
    ...dated("startDate"),
    ...dated("endDate"),
    startsAt: instant,
    endsAt: instant,
    timeZone: single,
    status: required,
    monitoringMechanism: single,
    summary: single,
    agreementId: single,
    monitoringBodyId: single,
    partyCountryIds: partiesOf("countryId"),
    partyOrganizationIds: partiesOf("organizationId"),
    ...mediators("ceasefireId"),
  },
  MEETING: {
    title: required,
    ...dated("date"),
    startsAt: instant,
    timeZone: single,
    purpose: single,
    summary: single,
    placeId: single,
    // The first organization also in the column the deprecated `host` reads.
    hostCountryIds: hostsOf("countryId"),
    hostOrganizationIds: hostsOf("organizationId", "hostId"),
    hostPersonIds: hostsOf("personId"),
    ceasefireId: single,
    // The first person and country also in the columns the deprecated `mediator` and `mediatingCountry` read.
    mediatorPersonIds: mediatorsOf("meetingId", "personId", "mediatorId"),
    mediatorOrganizationIds: mediatorsOf("meetingId", "organizationId"),
    mediatorCountryIds: mediatorsOf("meetingId", "countryId", "mediatorCountryId"),
  },
  DELEGATION: { leaderId: single, description: single },
  DELEGATION_MEMBER: { role: required, roleNote: single, attendance: required },
  STATEMENT: {
    summary: required,
    quote: single,
    channel: single,
    ...dated("date"),
    madeAt: instant,
    timeZone: single,
    placeId: single,
    speakerPersonIds: speakersOf("personId", "speakerPersonId"),
    speakerOrganizationIds: speakersOf("organizationId", "speakerOrganizationId"),
    speakerCountryIds: speakersOf("countryId", "speakerCountryId"),
    ceasefireId: single,
    ...subjects,
  },
  REPORTED_FIGURE: {
    statementId: required,
    ceasefireId: required,
    metric: required,
    value: required,
    qualifier: required,
    quote: single,
  },
  PLAN: {
    title: required,
    summary: required,
    area: single,
    ...dated("deadline"),
    nextPhase: single,
    responsibleOrganizationId: single,
    targetOrganizationId: single,
    approvedById: single,
    ceasefireId: single,
    agreementId: single,
  },
  AGREEMENT: {
    title: required,
    aliases,
    kind: required,
    summary: single,
    ...dated("signedOn"),
    ...dated("announcedOn"),
    placeId: single,
    meetingId: single,
    signatoryCountryIds: signatoriesOf("countryId"),
    signatoryOrganizationIds: signatoriesOf("organizationId"),
    signatoryPersonIds: signatoriesOf("personId"),
    ...mediators("agreementId"),
  },
  TERM: {
    title: required,
    summary: single,
    ceasefireId: single,
    agreementId: single,
    boundCountryId: single,
    boundOrganizationId: single,
    placeId: single,
    durationDays: single,
    ...dated("deadline"),
  },
  VOTE: {
    title: required,
    summary: single,
    ...dated("date"),
    outcome: single,
    votesFor: single,
    votesAgainst: single,
    abstentions: single,
    bodyId: single,
    placeId: single,
    meetingId: single,
    ceasefireId: single,
    agreementId: single,
    planId: single,
  },
};

/**
 * The columns that keep the first member of a set (LinkSet.firstInto), from the sets in `values`:
 * what a new row starts with, before the recompute keeps them (a statement's speaker columns must
 * name one from the start, statement_speaker_check).
 */
export function firstOfSets(kind: FactKind, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(claimedFields[kind]).flatMap(([field, { links }]) =>
      links?.firstInto && Array.isArray(values[field]) ? [[links.firstInto, (values[field] as unknown[])[0] ?? null]] : [],
    ),
  );
}

/**
 * A row value as a claim's JSON value: dates as `YYYY-MM-DD`, instants (a Date with a time of day)
 * as ISO date-times in UTC; null and empty lists say nothing.
 */
export function toClaimValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime() % 86_400_000 === 0 ? isoDay(value) : value.toISOString();
  if (Array.isArray(value) && value.length === 0) return null;
  return value;
}

/** A claim's JSON value as the row's column value. */
export function fromClaimValue(spec: ClaimedField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (spec.date) return new Date(`${value as string}T00:00:00Z`);
  return spec.instant ? new Date(value as string) : value;
}
