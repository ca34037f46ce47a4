// Building blocks for write specs: the usual kinds of field, each with its GraphQL type and rule.
import { keyNames } from "../common/keys";
import { ID, Int } from "type-graphql";
import { z } from "zod";
import type { ModelName } from "../../database/rows";
import * as rules from "../../validation";
import { DateScalar, InstantScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import type { WriteField } from "./write-spec";

type Options = { required?: boolean };

export const slugField = (description: string): WriteField => ({
  graphql: () => String,
  schema: rules.slug,
  description: `${description} Lowercase letters, digits and dashes; unique.`,
  required: true,
});

export const nameField = (description: string, options: Options = {}): WriteField => ({
  graphql: () => String,
  schema: rules.name,
  description,
  ...options,
});

export const textField = (description: string, options: Options = {}): WriteField => ({
  graphql: () => String,
  schema: rules.text,
  description,
  ...options,
});

export const aliasesField = (description = "Other names and spellings found in the news."): WriteField => ({
  graphql: () => [String],
  schema: rules.aliases,
  description,
});

export const dateField = (description: string, options: Options = {}): WriteField => ({
  graphql: () => DateScalar,
  schema: rules.calendarDate,
  description: `${description} (ISO 8601 date).`,
  ...options,
});

/**
 * A reported date and how precise it is: `<field>` and `<field>Precision` (a year or a month is
 * given as its first day). A date given without its precision is to the day.
 */
export const datedFields = (field: string, description: string): Record<string, WriteField> => ({
  [field]: dateField(description),
  [`${field}Precision`]: {
    ...enumField(DatePrecision, `How precise \`${field}\` is: a year or a month is given as its first day (DAY when \`${field}\` is given without it)`),
    notNull: true,
  },
});

/** An instant, to the minute, where reported. */
export const instantField = (description: string): WriteField => ({
  graphql: () => InstantScalar,
  schema: rules.calendarDate,
  description: `${description} (ISO 8601 date-time with its offset; kept in UTC).`,
});

/** The IANA time zone a fact's instants were reported in. */
export const timeZoneField = (description = "The IANA time zone its times were reported in, e.g. `Asia/Beirut`."): WriteField => ({
  graphql: () => String,
  schema: z.string().refine(rules.isTimeZone, "must be an IANA time zone, e.g. Asia/Beirut"),
  description,
});

export const booleanField = (description: string): WriteField => ({
  graphql: () => Boolean,
  schema: z.boolean(),
  description,
});

export const intField = (description: string, options: Options = {}): WriteField => ({
  graphql: () => Int,
  schema: z.number().int().min(0).max(2_000_000_000),
  description,
  ...options,
});

export const enumField = (graphqlEnum: object, description: string, options: Options = {}): WriteField => ({
  graphql: () => graphqlEnum,
  schema: z.enum(Object.values(graphqlEnum) as [string, ...string[]]),
  description,
  ...options,
});

export const refField = (model: ModelName, description: string, options: Options = {}): WriteField => ({
  graphql: () => ID,
  schema: z.string(),
  description: `${description} (${keyNames(model)} of an existing ${model}).`,
  ref: model,
  ...options,
});

export const refListField = (model: ModelName, description: string): WriteField => ({
  graphql: () => [ID],
  schema: z.array(z.string()).max(50),
  description: `${description} (${keyNames(model)}s of existing ${model} rows).`,
  ref: model,
});

/**
 * A set of countries, organizations and people in one role (`hostPersonIds`...), by kind: each list
 * given replaces that kind's members ("The people who hosted it; given, it replaces the person hosts").
 */
export const actorListFields = (prefix: string, did: string, plural: string): Record<string, WriteField> => ({
  [`${prefix}PersonIds`]: refListField("person", `The people who ${did}; given, it replaces the person ${plural}`),
  [`${prefix}OrganizationIds`]: refListField("organization", `The organizations that ${did}; given, it replaces the organization ${plural}`),
  [`${prefix}CountryIds`]: refListField("country", `The countries that ${did}; given, it replaces the country ${plural}`),
});

/** The mediators of a meeting, ceasefire or agreement, by kind: each list given replaces that kind's mediators. */
export const mediatorFields = (what: string): Record<string, WriteField> => actorListFields("mediator", `mediated ${what}`, "mediators");
