// The natural keys an article document defines and the ones it refers to, read from the document
// as sent (before or despite other errors), so that duplicates and dangling references are
// reported together with every other error. Values that are not valid keys are skipped here:
// the schema reports those.
import { countryCode, slug } from "../validation";
import { factKinds, SUBJECT_KINDS } from "../database/fact-kinds";
import { type DocumentIssue, pathString } from "./document-issues";

/** What a key names; these can be referred to. */
export type ReferableKind = "country" | "place" | "organization" | "person" | "ceasefire" | "meeting" | "agreement" | "plan" | "term" | "vote";

/** What a statement can be about (`statements[].subjects`, format 4), by the key a subject names it by: SUBJECT_KINDS' tables. */
export const SUBJECTS = SUBJECT_KINDS.map((kind) => factKinds[kind].model as ReferableKind);

interface KeyDefinition {
  label: string;
  /** Where the key is, `*` standing for every index of an array. */
  at: string;
  /** Keys are unique in the whole document, or within the object this many segments deep (a meeting's delegations). */
  within?: number;
  kind?: ReferableKind;
}

const DEFINITIONS: KeyDefinition[] = [
  { label: "country", at: "countries.*.code", kind: "country" },
  { label: "place", at: "places.*.slug", kind: "place" },
  { label: "organization", at: "organizations.*.slug", kind: "organization" },
  { label: "person", at: "people.*.slug", kind: "person" },
  { label: "role", at: "people.*.roles.*.slug" },
  { label: "ceasefire", at: "ceasefires.*.slug", kind: "ceasefire" },
  { label: "meeting", at: "meetings.*.slug", kind: "meeting" },
  { label: "statement", at: "statements.*.slug" },
  { label: "reported figure", at: "statements.*.figures.*.slug" },
  { label: "plan", at: "plans.*.slug", kind: "plan" },
  { label: "agreement", at: "agreements.*.slug", kind: "agreement" },
  { label: "term", at: "terms.*.slug", kind: "term" },
  { label: "vote", at: "votes.*.slug", kind: "vote" },
  // Keys of rows that belong to another: one delegation per country and meeting, and so on.
  { label: "delegation of country", at: "meetings.*.delegations.*.country", within: 2 },
  { label: "delegation member", at: "meetings.*.delegations.*.members.*.person", within: 4 },
  { label: "ceasefire party", at: "ceasefires.*.parties.*.country", within: 2 },
  { label: "ceasefire party", at: "ceasefires.*.parties.*.organization", within: 2 },
  { label: "signatory", at: "agreements.*.signatories.*.country", within: 2 },
  { label: "signatory", at: "agreements.*.signatories.*.organization", within: 2 },
  { label: "signatory", at: "agreements.*.signatories.*.person", within: 2 },
  ...[
    ["meetings", "mediators", "mediator"],
    ["ceasefires", "mediators", "mediator"],
    ["agreements", "mediators", "mediator"],
    ["organizations", "chairs", "chair"],
    ["organizations", "members", "member"],
    ["statements", "speakers", "speaker"],
    ["meetings", "hosts", "host"],
  ].flatMap(([list, field, label]) =>
    ["country", "organization", "person"].map((kind) => ({ label, at: `${list}.*.${field}.*.${kind}`, within: 2 })),
  ),
];

/** Every field that refers to another entity by its key. */
const REFERENCES: [at: string, kind: ReferableKind][] = [
  ["places.*.country", "country"],
  ["places.*.within", "place"],
  ["organizations.*.country", "country"],
  ["people.*.nationality", "country"],
  ["people.*.roles.*.organization", "organization"],
  ["people.*.roles.*.country", "country"],
  ["ceasefires.*.parties.*.country", "country"],
  ["ceasefires.*.parties.*.organization", "organization"],
  ["ceasefires.*.agreement", "agreement"],
  ["meetings.*.place", "place"],
  ["meetings.*.host", "organization"],
  ["meetings.*.mediator", "person"],
  ["meetings.*.mediatorCountry", "country"],
  ["meetings.*.ceasefire", "ceasefire"],
  ["meetings.*.delegations.*.country", "country"],
  ["meetings.*.delegations.*.leader", "person"],
  ["meetings.*.delegations.*.members.*.person", "person"],
  ["statements.*.speakerPerson", "person"],
  ["statements.*.speakerOrganization", "organization"],
  ["statements.*.speakerCountry", "country"],
  ["statements.*.ceasefire", "ceasefire"],
  ["plans.*.responsibleOrganization", "organization"],
  ["plans.*.targetOrganization", "organization"],
  ["plans.*.approvedBy", "organization"],
  ["agreements.*.place", "place"],
  ["agreements.*.meeting", "meeting"],
  ["agreements.*.signatories.*.country", "country"],
  ["agreements.*.signatories.*.organization", "organization"],
  ["agreements.*.signatories.*.person", "person"],
  ...["meetings.*.mediators", "ceasefires.*.mediators", "agreements.*.mediators", "organizations.*.chairs", "organizations.*.members", "statements.*.speakers", "meetings.*.hosts"].flatMap((list) =>
    (["country", "organization", "person"] as const).map((kind): [string, ReferableKind] => [`${list}.*.${kind}`, kind]),
  ),
  ["ceasefires.*.monitoringBody", "organization"],
  ["plans.*.ceasefire", "ceasefire"],
  ["plans.*.agreement", "agreement"],
  ["terms.*.ceasefire", "ceasefire"],
  ["terms.*.agreement", "agreement"],
  ["terms.*.boundCountry", "country"],
  ["terms.*.boundOrganization", "organization"],
  ["terms.*.place", "place"],
  ["statements.*.place", "place"],
  ["votes.*.body", "organization"],
  ["votes.*.place", "place"],
  ["votes.*.meeting", "meeting"],
  ["votes.*.ceasefire", "ceasefire"],
  ["votes.*.agreement", "agreement"],
  ["votes.*.plan", "plan"],
  ...SUBJECTS.map((kind): [string, ReferableKind] => [`statements.*.subjects.*.${kind}`, kind]),
];

interface Found {
  path: (string | number)[];
  key: string;
}

/** The valid keys at `at` in `input`, with their paths. */
function keysAt(input: unknown, at: string, isKey: (value: string) => boolean): Found[] {
  let found: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: input }];
  for (const segment of at.split(".")) {
    found = found.flatMap(({ path, value }) => {
      if (segment === "*") return Array.isArray(value) ? value.map((item, i) => ({ path: [...path, i], value: item })) : [];
      const isRecord = typeof value === "object" && value !== null && !Array.isArray(value);
      return isRecord && segment in value ? [{ path: [...path, segment], value: (value as Record<string, unknown>)[segment] }] : [];
    });
  }
  return found.flatMap(({ path, value }) => (typeof value === "string" && isKey(value) ? [{ path, key: value }] : []));
}

const isCountryKey = (value: string) => countryCode.safeParse(value).success;
const isSlugKey = (value: string) => slug.safeParse(value).success;
/** Countries are keyed by ISO code, everything else by slug. */
const isKeyFor = (kind: ReferableKind | undefined, at: string) =>
  kind === "country" || at.endsWith(".country") ? isCountryKey : isSlugKey;

/** A key defined twice where it must be unique: reported at the second place, naming the first. */
export function findDuplicateKeys(input: unknown): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  for (const definition of DEFINITIONS) {
    const first = new Map<string, string>();
    for (const { path, key } of keysAt(input, definition.at, isKeyFor(definition.kind, definition.at))) {
      const scope = definition.within ? pathString(path.slice(0, definition.within)) : "";
      const seen = first.get(`${scope}|${key}`);
      if (seen) issues.push({ path: pathString(path), message: `${definition.label} "${key}" is defined twice (also at ${seen})` });
      else first.set(`${scope}|${key}`, pathString(path));
    }
  }
  return issues;
}

/** Keys the document refers to but does not define: they must already be stored. */
export function externalReferences(input: unknown): { kind: ReferableKind; key: string; path: string }[] {
  const defined = new Set(
    DEFINITIONS.filter((definition) => definition.kind).flatMap((definition) =>
      keysAt(input, definition.at, isKeyFor(definition.kind, definition.at)).map(({ key }) => `${definition.kind}|${key}`),
    ),
  );
  return REFERENCES.flatMap(([at, kind]) =>
    keysAt(input, at, isKeyFor(kind, at))
      .filter(({ key }) => !defined.has(`${kind}|${key}`))
      .map(({ path, key }) => ({ kind, key, path: pathString(path) })),
  );
}
