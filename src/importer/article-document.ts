// The JSON shape of one article and the facts it reports. Entities refer to each other by
// natural key (a country's ISO code, everything else by slug), so the same document can be
// loaded again without creating duplicates. The seed article in prisma/seed/ is an example.
import { z } from "zod";
import { $Enums } from "../generated/prisma/client";
import { aliases as aliasRule, countryCode, name, slug, text, url } from "../validation";

const isoDate = z.iso.date();
const aliases = aliasRule.default([]);

const role = z.object({
  slug,
  title: name,
  status: z.enum($Enums.RoleStatus),
  organization: slug.nullish(),
  country: countryCode.nullish(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
});

const member = z.object({
  person: slug,
  role: z.enum($Enums.MemberRole),
  roleNote: text.nullish(),
  attendance: z.enum($Enums.Attendance).default("CONFIRMED"),
});

const delegation = z.object({
  country: countryCode,
  leader: slug.nullish(),
  description: text.nullish(),
  members: z.array(member).default([]),
});

const figure = z.object({
  slug,
  metric: name,
  value: z.number().int().min(0),
  qualifier: z.enum($Enums.FigureQualifier),
  quote: text.nullish(),
});

export const articleDocumentSchema = z.object({
  article: z.object({
    slug,
    title: name,
    publisher: name,
    agency: name.nullish(),
    publishedOn: isoDate,
    url: url.nullish(),
  }),
  countries: z.array(z.object({ code: countryCode, name, aliases })).default([]),
  places: z
    .array(z.object({ slug, name, aliases, description: text.nullish(), country: countryCode.nullish() }))
    .default([]),
  organizations: z
    .array(
      z.object({
        slug,
        name,
        aliases,
        kind: z.enum($Enums.OrganizationKind),
        description: text.nullish(),
        country: countryCode.nullish(),
      }),
    )
    .default([]),
  people: z
    .array(
      z.object({
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
      z
        .object({
          slug,
          name,
          startDate: isoDate.nullish(),
          endDate: isoDate.nullish(),
          status: z.enum($Enums.CeasefireStatus),
          monitoringMechanism: text.nullish(),
          summary: text.nullish(),
          parties: z
            .array(
              z.union([
                z.object({ country: countryCode, organization: z.undefined().optional() }),
                z.object({ organization: slug, country: z.undefined().optional() }),
              ]),
            )
            .default([]),
        })
        .refine((c) => !c.startDate || !c.endDate || c.endDate >= c.startDate, {
          message: "must not end before it starts",
          path: ["endDate"],
        }),
    )
    .default([]),
  meetings: z
    .array(
      z.object({
        slug,
        title: name,
        date: isoDate.nullish(),
        purpose: text.nullish(),
        summary: text.nullish(),
        place: slug.nullish(),
        host: slug.nullish(),
        mediator: slug.nullish(),
        mediatorCountry: countryCode.nullish(),
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
          date: isoDate.nullish(),
          speakerPerson: slug.nullish(),
          speakerOrganization: slug.nullish(),
          speakerCountry: countryCode.nullish(),
          ceasefire: slug.nullish(),
          figures: z.array(figure).default([]),
        })
        .refine((s) => s.speakerPerson || s.speakerOrganization || s.speakerCountry, {
          message: "needs a speaker (speakerPerson, speakerOrganization or speakerCountry)",
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
      z.object({
        slug,
        title: name,
        summary: text,
        area: name.nullish(),
        deadline: isoDate.nullish(),
        nextPhase: text.nullish(),
        responsibleOrganization: slug.nullish(),
        targetOrganization: slug.nullish(),
        approvedBy: slug.nullish(),
      }),
    )
    .default([]),
});

export type ArticleDocument = z.infer<typeof articleDocumentSchema>;

export class InvalidDocumentError extends Error {
  constructor(
    message: string,
    /** Where in the document, e.g. `meetings.0.delegations.1.leader`. */
    readonly path: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** Parses and validates an article document; throws InvalidDocumentError naming the first bad field. */
export function parseArticleDocument(input: unknown): ArticleDocument {
  const result = articleDocumentSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidDocumentError(issue.message, issue.path.join("."));
  }
  return result.data;
}
