// The JSON shape of one article and the facts it reports. Entities refer to each other by
// natural key (a country's ISO code, everything else by slug), so the same document can be
// loaded again without creating duplicates. The seed article in prisma/seed/ is an example.
// Objects are strict: a misspelt or unknown field is an error, never silently dropped.
import { z } from "zod";
import { $Enums } from "../generated/prisma/client";
import { aliases as aliasRule, countryCode, isTimeZone, lastDayOf, name, reportedPeriod, slug, text, url } from "../validation";
import { findDuplicateKeys, SUBJECTS } from "./document-keys";
import { type DocumentIssue, InvalidDocumentError, pathString } from "./document-issues";

/**
 * The newest version of the document format this code reads; it reads every earlier one too. A
 * document may say which it follows (`"format": 2`); one that does not is read as format 1, the
 * format before versions existed. Format 2 adds places within places (`places[].within`); format 3
 * adds agreements and their signatories (`agreements`), the agreement that set a ceasefire
 * (`ceasefires[].agreement`) and any number of mediators of any kind (`mediators` of meetings,
 * ceasefires and agreements; a meeting's `mediator` and `mediatorCountry` are two of them), bodies'
 * chairs and members (`organizations[].chairs`, `.members`), the body monitoring a ceasefire
 * (`ceasefires[].monitoringBody`), terms of ceasefires and agreements (`terms`) and the ceasefire or
 * agreement a plan carries out (`plans[].ceasefire`, `.agreement`), and statements' speakers of any
 * number (`statements[].speakers`; `speakerPerson`, `speakerOrganization` and `speakerCountry` are three
 * more) and place (`statements[].place`), and votes (`votes`); format 4 adds hosts of any kind and
 * number (`meetings[].hosts`; `host` is one more), what statements are about (`statements[].subjects`),
 * dates to the month or year (`2025-12`, `2025`) and instants with their time zone (`startsAt`,
 * `endsAt`, `madeAt`, `timeZone`). A document using what a format added must say so,
 * so that an older server refuses it ("unsupported format") instead of misreading it.
 */
export const ARTICLE_FORMAT = 4;
const FORMATS = [1, 2, 3, 4] as const;

const isoDate = z.iso.date();
/** A date as reported, to the day, the month or the year (`2025-12-03`, `2025-12`, `2025`; format 4 for the last two). */
const reportedDate = z.union([isoDate, z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/)], { error: "must be a date: YYYY-MM-DD, YYYY-MM or YYYY" });
/** An instant with its UTC offset (`2024-11-27T04:00:00+02:00`), and the IANA time zone it was reported in (format 4). */
const instant = z.iso.datetime({ offset: true });
const timeZone = z.string().refine(isTimeZone, { error: "must be an IANA time zone, e.g. Asia/Beirut" });
const aliases = aliasRule.default([]);

/** Whether a period reported as ending on `end` ends before one reported as starting on `start` begins. */
const endsBeforeStart = (start: string, end: string): boolean => {
  const until = reportedPeriod(end);
  return lastDayOf(until.firstDay, until.precision) < reportedPeriod(start).firstDay.getTime();
};

/** Refuses a period (a role, a ceasefire) reported as ending before it starts; an end known only to its month or year may be its last day. */
const inOrder = <T extends { startDate?: string | null; endDate?: string | null }>(schema: z.ZodType<T>) =>
  schema.refine((period) => !period.startDate || !period.endDate || !endsBeforeStart(period.startDate, period.endDate), {
    message: "must not end before it starts",
    path: ["endDate"],
  });

const role = inOrder(
  z.strictObject({
    slug,
    title: name,
    status: z.enum($Enums.RoleStatus),
    organization: slug.nullish(),
    country: countryCode.nullish(),
    startDate: reportedDate.nullish(),
    endDate: reportedDate.nullish(),
  }),
);

const member = z.strictObject({
  person: slug,
  role: z.enum($Enums.MemberRole),
  roleNote: text.nullish(),
  attendance: z.enum($Enums.Attendance).default("CONFIRMED"),
});

const delegation = z.strictObject({
  country: countryCode,
  leader: slug.nullish(),
  description: text.nullish(),
  members: z.array(member).default([]),
});

/** One of several kinds of entity, named by its key: exactly one of the fields given. */
const oneOf = <const Fields extends Record<string, z.ZodType>>(fields: Fields, message: string) =>
  z
    .strictObject(Object.fromEntries(Object.entries(fields).map(([field, type]) => [field, type.optional()])) as { [F in keyof Fields]: z.ZodOptional<Fields[F]> })
    .refine((named) => Object.values(named).filter((value) => value !== undefined).length === 1, { message });

/** A list of countries, organizations and people: mediators, signatories, a body's chairs and members, speakers (format 3), hosts (format 4). */
const entities = (what: string) =>
  z.array(oneOf({ country: countryCode, organization: slug, person: slug }, `${what} is a country, an organization or a person: give exactly one of them`)).default([]);
const mediators = entities("a mediator");

/** A number of votes. */
const tally = z.number().int().min(0).max(2_000_000_000).nullish();

const figure = z.strictObject({
  slug,
  metric: name,
  value: z.number().int().min(0),
  qualifier: z.enum($Enums.FigureQualifier),
  quote: text.nullish(),
});

export const articleDocumentSchema = z.strictObject({
  format: z
    .literal(FORMATS, {
      error: (issue) => `unsupported format ${JSON.stringify(issue.input)}: this newsgraph reads formats 1 to ${ARTICLE_FORMAT}`,
    })
    .optional(),
  article: z.strictObject({
    slug,
    title: name,
    publisher: name,
    agency: name.nullish(),
    publishedOn: isoDate,
    url: url.nullish(),
  }),
  countries: z.array(z.strictObject({ code: countryCode, name, aliases })).default([]),
  places: z
    .array(z.strictObject({ slug, name, aliases, description: text.nullish(), country: countryCode.nullish(), within: slug.nullish() }))
    .default([]),
  organizations: z
    .array(
      z.strictObject({
        slug,
        name,
        aliases,
        kind: z.enum($Enums.OrganizationKind),
        description: text.nullish(),
        country: countryCode.nullish(),
        chairs: entities("a chair"),
        members: entities("a member"),
      }),
    )
    .default([]),
  people: z
    .array(
      z.strictObject({
        slug,
        name,
        aliases,
        isNamed: z.boolean().default(true),
        description: text.nullish(),
        nationality: countryCode.nullish(),
        roles: z.array(role).default([]),
      }),
    )
    .default([]),
  ceasefires: z
    .array(
      inOrder(
        z.object({
          slug,
          name,
          startDate: reportedDate.nullish(),
          endDate: reportedDate.nullish(),
          startsAt: instant.nullish(),
          endsAt: instant.nullish(),
          timeZone: timeZone.nullish(),
          status: z.enum($Enums.CeasefireStatus),
          monitoringMechanism: text.nullish(),
          summary: text.nullish(),
          agreement: slug.nullish(),
          monitoringBody: slug.nullish(),
          mediators,
          parties: z.array(oneOf({ country: countryCode, organization: slug }, "a party is either a country or an organization: give exactly one of them")).default([]),
        }),
      ),
    )
    .default([]),
  meetings: z
    .array(
      z.strictObject({
        slug,
        title: name,
        date: reportedDate.nullish(),
        startsAt: instant.nullish(),
        timeZone: timeZone.nullish(),
        purpose: text.nullish(),
        summary: text.nullish(),
        place: slug.nullish(),
        host: slug.nullish(),
        hosts: entities("a host"),
        mediator: slug.nullish(),
        mediatorCountry: countryCode.nullish(),
        mediators,
        ceasefire: slug.nullish(),
        delegations: z.array(delegation).default([]),
      }),
    )
    .default([]),
  statements: z
    .array(
      z
        .object({
          slug,
          summary: text,
          quote: text.nullish(),
          channel: name.nullish(),
          date: reportedDate.nullish(),
          madeAt: instant.nullish(),
          timeZone: timeZone.nullish(),
          speakerPerson: slug.nullish(),
          speakerOrganization: slug.nullish(),
          speakerCountry: countryCode.nullish(),
          speakers: entities("a speaker"),
          place: slug.nullish(),
          subjects: z.array(oneOf(Object.fromEntries(SUBJECTS.map((kind) => [kind, kind === "country" ? countryCode : slug])), `a subject is one entity: give exactly one of ${SUBJECTS.join(", ")}`)).default([]),
          ceasefire: slug.nullish(),
          figures: z.array(figure).default([]),
        })
        .refine((s) => s.speakerPerson || s.speakerOrganization || s.speakerCountry || s.speakers.length > 0, {
          message: "needs a speaker (speakerPerson, speakerOrganization, speakerCountry or speakers)",
          path: ["speakerPerson"],
        })
        .refine((s) => s.figures.length === 0 || s.ceasefire, {
          message: "reported figures need the statement's ceasefire",
          path: ["ceasefire"],
        }),
    )
    .default([]),
  plans: z
    .array(
      z.strictObject({
        slug,
        title: name,
        summary: text,
        area: name.nullish(),
        deadline: reportedDate.nullish(),
        nextPhase: text.nullish(),
        responsibleOrganization: slug.nullish(),
        targetOrganization: slug.nullish(),
        approvedBy: slug.nullish(),
        ceasefire: slug.nullish(),
        agreement: slug.nullish(),
      }),
    )
    .default([]),
  terms: z
    .array(
      z.strictObject({
        slug,
        title: name,
        summary: text.nullish(),
        ceasefire: slug.nullish(),
        agreement: slug.nullish(),
        boundCountry: countryCode.nullish(),
        boundOrganization: slug.nullish(),
        place: slug.nullish(),
        durationDays: z.number().int().min(1).max(36_500).nullish(),
        deadline: reportedDate.nullish(),
      }),
    )
    .default([]),
  votes: z
    .array(
      z.strictObject({
        slug,
        title: name,
        summary: text.nullish(),
        date: reportedDate.nullish(),
        outcome: z.enum($Enums.VoteOutcome).nullish(),
        votesFor: tally,
        votesAgainst: tally,
        abstentions: tally,
        body: slug.nullish(),
        place: slug.nullish(),
        meeting: slug.nullish(),
        ceasefire: slug.nullish(),
        agreement: slug.nullish(),
        plan: slug.nullish(),
      }),
    )
    .default([]),
  agreements: z
    .array(
      z.strictObject({
        slug,
        title: name,
        aliases,
        kind: z.enum($Enums.AgreementKind),
        summary: text.nullish(),
        signedOn: reportedDate.nullish(),
        announcedOn: reportedDate.nullish(),
        place: slug.nullish(),
        meeting: slug.nullish(),
        mediators,
        signatories: entities("a signatory"),
      }),
    )
    .default([]),
});

export type ArticleDocument = z.infer<typeof articleDocumentSchema>;

export { InvalidDocumentError };

/**
 * Parses and validates an article document on its own (without the database): its shape and
 * values, and no key defined twice. Throws InvalidDocumentError listing every error found.
 */
export function parseArticleDocument(input: unknown): ArticleDocument {
  const { document, issues } = readArticleDocument(input);
  if (!document) throw new InvalidDocumentError(issues);
  return document;
}

/** Every error parseArticleDocument finds, and the document when there is none. */
export function readArticleDocument(input: unknown): { document: ArticleDocument | null; issues: DocumentIssue[] } {
  const result = articleDocumentSchema.safeParse(input);
  const issues: DocumentIssue[] = result.success ? [] : firstPerPath(result.error.issues.flatMap(toDocumentIssues));
  issues.push(...findDuplicateKeys(input));
  if (result.success) issues.push(...newerThanDeclared(result.data));
  return { document: result.success && issues.length === 0 ? result.data : null, issues };
}

/**
 * One error per field: a value's first fault is the one to fix (a slug with a control character
 * is not also told it is no lowercase slug).
 */
function firstPerPath(issues: DocumentIssue[]): DocumentIssue[] {
  const seen = new Set<string>();
  return issues.filter(({ path }) => !seen.has(path) && seen.add(path));
}

/** A zod issue as document issues: an unknown-fields issue becomes one per field, at its path. */
function toDocumentIssues(issue: z.core.$ZodIssue): DocumentIssue[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: pathString([...issue.path, key]), message: "unknown field" }));
  }
  return [{ path: pathString(issue.path), message: issue.message }];
}

/** The document's reported dates (to the day, month or year) and instants and time zones, with their paths. */
function reportedTimes(document: ArticleDocument): { path: string; value: string | null | undefined; instant: boolean }[] {
  const fields = <T extends object>(list: string, rows: T[], dates: (keyof T & string)[], instants: (keyof T & string)[] = []) =>
    rows.flatMap((row, i) => [
      ...dates.map((field) => ({ path: `${list}.${i}.${field}`, value: row[field] as string | null | undefined, instant: false })),
      ...instants.map((field) => ({ path: `${list}.${i}.${field}`, value: row[field] as string | null | undefined, instant: true })),
    ]);
  return [
    ...document.people.flatMap((person, i) => fields(`people.${i}.roles`, person.roles, ["startDate", "endDate"])),
    ...fields("ceasefires", document.ceasefires, ["startDate", "endDate"], ["startsAt", "endsAt", "timeZone"]),
    ...fields("meetings", document.meetings, ["date"], ["startsAt", "timeZone"]),
    ...fields("statements", document.statements, ["date"], ["madeAt", "timeZone"]),
    ...fields("votes", document.votes, ["date"]),
    ...fields("agreements", document.agreements, ["signedOn", "announcedOn"]),
    ...fields("plans", document.plans, ["deadline"]),
    ...fields("terms", document.terms, ["deadline"]),
  ];
}

/** What a document uses that its declared format (1 when none) does not have. */
function newerThanDeclared(document: ArticleDocument): DocumentIssue[] {
  const declared = document.format ?? 1;
  const needs = (format: number, used: boolean, path: string, what: string): DocumentIssue[] =>
    used && declared < format ? [{ path, message: `${what} need "format": ${format}` }] : [];
  return [
    ...document.places.flatMap((place, i) => needs(2, !!place.within, `places.${i}.within`, "places within places")),
    ...document.ceasefires.flatMap((ceasefire, i) => needs(3, !!ceasefire.agreement, `ceasefires.${i}.agreement`, "agreements")),
    ...(["meetings", "ceasefires"] as const).flatMap((list) =>
      document[list].flatMap((fact, i) => needs(3, fact.mediators.length > 0, `${list}.${i}.mediators`, "mediators")),
    ),
    ...needs(3, document.agreements.length > 0, "agreements", "agreements"),
    ...needs(3, document.terms.length > 0, "terms", "terms"),
    ...needs(3, document.votes.length > 0, "votes", "votes"),
    ...document.organizations.flatMap((organization, i) => needs(3, organization.chairs.length + organization.members.length > 0, `organizations.${i}`, "chairs and members")),
    ...document.ceasefires.flatMap((ceasefire, i) => needs(3, !!ceasefire.monitoringBody, `ceasefires.${i}.monitoringBody`, "monitoring bodies")),
    ...document.plans.flatMap((plan, i) => needs(3, !!(plan.ceasefire || plan.agreement), `plans.${i}`, "plans of a ceasefire or agreement")),
    ...document.meetings.flatMap((meeting, i) => needs(4, meeting.hosts.length > 0, `meetings.${i}.hosts`, "lists of hosts")),
    ...document.statements.flatMap((statement, i) => needs(4, statement.subjects.length > 0, `statements.${i}.subjects`, "subjects of statements")),
    ...reportedTimes(document).flatMap(({ path, value, instant }) =>
      instant ? needs(4, !!value, path, "times of day and time zones") : needs(4, !!value && value.length < 10, path, "dates to the month or year"),
    ),
    ...document.statements.flatMap((statement, i) => [
      ...needs(3, statement.speakers.length > 0, `statements.${i}.speakers`, "lists of speakers"),
      ...needs(3, !!statement.place, `statements.${i}.place`, "places of statements"),
    ]),
  ];
}
