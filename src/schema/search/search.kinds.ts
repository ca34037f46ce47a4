// What search covers: each kind, its model, and the columns its search document is made of
// (the trigger arguments of migrations 20261203000000_search, 20261204000000_agreements,
// 20261204020000_bodies_and_terms and 20261204040000_votes; keep them in step). The
// highlight is cut from the same columns.
import type { ModelName } from "../../database/rows";
import { registerEnumType } from "type-graphql";

export enum SearchKind {
  COUNTRY = "COUNTRY",
  PLACE = "PLACE",
  PERSON = "PERSON",
  ORGANIZATION = "ORGANIZATION",
  MEETING = "MEETING",
  CEASEFIRE = "CEASEFIRE",
  STATEMENT = "STATEMENT",
  PLAN = "PLAN",
  AGREEMENT = "AGREEMENT",
  TERM = "TERM",
  VOTE = "VOTE",
  ARTICLE = "ARTICLE",
}
registerEnumType(SearchKind, {
  name: "SearchKind",
  description: "A kind of thing search finds; results of equal score are listed in this order.",
  valuesConfig: {
    COUNTRY: { description: "Countries, by name and aliases." },
    PLACE: { description: "Places, by name, aliases and description." },
    PERSON: { description: "People, by name, aliases and description." },
    ORGANIZATION: { description: "Organizations, by name, aliases and description." },
    MEETING: { description: "Meetings, by title, purpose and summary." },
    CEASEFIRE: { description: "Ceasefires, by name, summary and monitoring mechanism." },
    STATEMENT: { description: "Statements, by summary and quote." },
    PLAN: { description: "Plans, by title, summary and area." },
    AGREEMENT: { description: "Agreements, by title, aliases and summary." },
    TERM: { description: "Terms of ceasefires and agreements, by title and summary." },
    VOTE: { description: "Votes, by title and summary." },
    ARTICLE: { description: "Articles, by title." },
  },
});

export const SEARCHED: Record<SearchKind, { model: ModelName; fields: readonly string[] }> = {
  COUNTRY: { model: "country", fields: ["name", "aliases"] },
  PLACE: { model: "place", fields: ["name", "aliases", "description"] },
  PERSON: { model: "person", fields: ["name", "aliases", "description"] },
  ORGANIZATION: { model: "organization", fields: ["name", "aliases", "description"] },
  MEETING: { model: "meeting", fields: ["title", "purpose", "summary"] },
  CEASEFIRE: { model: "ceasefire", fields: ["name", "summary", "monitoringMechanism"] },
  STATEMENT: { model: "statement", fields: ["summary", "quote"] },
  PLAN: { model: "plan", fields: ["title", "summary", "area"] },
  AGREEMENT: { model: "agreement", fields: ["title", "aliases", "summary"] },
  TERM: { model: "term", fields: ["title", "summary"] },
  VOTE: { model: "vote", fields: ["title", "summary"] },
  ARTICLE: { model: "article", fields: ["title"] },
};
