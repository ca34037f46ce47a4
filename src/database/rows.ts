// The database rows each GraphQL type is resolved from: resolvers receive Prisma rows as
// their parent values, so a type's fields read columns directly and relations go through loaders.
import type {
  Agreement,
  AgreementSignatory,
  Article,
  BodyMember,
  Ceasefire,
  CeasefireParty,
  Country,
  Delegation,
  DelegationMember,
  FactSource,
  Mediation,
  Meeting,
  MeetingHost,
  Organization,
  Person,
  PersonRole,
  Place,
  Plan,
  PrismaClient,
  ReportedFigure,
  Statement,
  StatementSpeaker,
  StatementSubject,
  Term,
  Vote,
} from "../generated/prisma/client";

export interface Rows {
  agreement: Agreement;
  agreementSignatory: AgreementSignatory;
  article: Article;
  bodyMember: BodyMember;
  ceasefire: Ceasefire;
  ceasefireParty: CeasefireParty;
  country: Country;
  delegation: Delegation;
  delegationMember: DelegationMember;
  factSource: FactSource;
  mediation: Mediation;
  meeting: Meeting;
  meetingHost: MeetingHost;
  organization: Organization;
  person: Person;
  personRole: PersonRole;
  place: Place;
  plan: Plan;
  reportedFigure: ReportedFigure;
  statement: Statement;
  statementSpeaker: StatementSpeaker;
  statementSubject: StatementSubject;
  term: Term;
  vote: Vote;
}

export type ModelName = keyof Rows;

/** Prisma `orderBy` entries, e.g. `{ name: "asc" }`, `{ sort, nulls }` for nullable columns, or `{ country: { name: "asc" } }`. */
export type OrderBy = object[];

/** The client a Prisma interactive transaction hands its callback. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The part of a Prisma model delegate that the generic loaders use. */
export interface RowReader<Row> {
  findMany(args: { where?: object; orderBy?: OrderBy; take?: number }): Promise<Row[]>;
  count(args: { where?: object }): Promise<number>;
}

/**
 * The Prisma delegate for `model`, typed by its row. Prisma's delegates have no common
 * type, so generic code reaches them through this one narrowing cast.
 */
export function reader<M extends ModelName>(prisma: PrismaClient, model: M): RowReader<Rows[M]> {
  return prisma[model] as unknown as RowReader<Rows[M]>;
}
