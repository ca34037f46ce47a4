// The merge rule (README "Many articles, one graph"): from every claim on a fact, its current
// values. A pure function, so the importer, the editor's mutations and the `claims` field of the
// API (its `current` flag) agree by construction.
//
// - An editor's claim (set through a create/update mutation) wins over every article.
// - A single-valued field takes the value of the most recent article by publishedOn, ties broken
//   by the article's slug (so the result does not depend on the order articles were recorded).
// - Aliases are the union of what the sources say: every claimed alias and every claimed name
//   other than the current name, without duplicates, in the order the sources are dated
//   (publishedOn, then slug), each source's own order kept.
// - A link set (a ceasefire's parties, an agreement's signatories) is the union of what the sources
//   name (none when none does).
// - A field no source claims: null when the column may be null, else the row keeps its value.
import { type ClaimedField, claimedFields } from "./claim-fields";
import type { FactKind } from "../generated/prisma/client";

export interface ClaimInput {
  id: string;
  field: string;
  value: unknown;
  /** null for an editor's claim. */
  article: { slug: string; publishedOn: Date } | null;
}

export interface Derived {
  /** Current values of the claimed fields that have a current value (absent: keep the row's). */
  values: Record<string, unknown>;
  /** Ids of the claims whose value is (part of) the current value. */
  current: Set<string>;
}

/** Articles oldest first; the editor after every article. */
function bySource(a: ClaimInput, b: ClaimInput): number {
  if (!a.article || !b.article) return (a.article ? 0 : 1) - (b.article ? 0 : 1);
  const byDate = a.article.publishedOn.getTime() - b.article.publishedOn.getTime();
  if (byDate !== 0) return byDate;
  return a.article.slug < b.article.slug ? -1 : a.article.slug > b.article.slug ? 1 : 0;
}

export function deriveCurrent(kind: FactKind, claims: ClaimInput[]): Derived {
  const fields = claimedFields[kind];
  const sorted = [...claims].sort(bySource);
  const values: Record<string, unknown> = {};
  const current = new Set<string>();
  const ofField = (field: string) => sorted.filter((claim) => claim.field === field);

  for (const [field, spec] of Object.entries(fields)) {
    if (field === "aliases") continue; // after the name, below
    const fieldClaims = ofField(field);
    const editor = fieldClaims.find((claim) => !claim.article);
    if (editor) {
      values[field] = editor.value;
      current.add(editor.id);
    } else if (spec.merge === "set") {
      // No source names a party or signatory (any more): the fact has none of that kind.
      if (fieldClaims.length === 0 && !spec.links) continue;
      values[field] = union(fieldClaims.flatMap((claim) => claim.value as unknown[]));
      fieldClaims.forEach((claim) => current.add(claim.id));
    } else {
      const latest = fieldClaims.at(-1);
      if (latest) {
        values[field] = latest.value;
        current.add(latest.id);
      } else if (!spec.required) {
        values[field] = null;
      }
    }
  }

  if ("aliases" in fields) {
    const aliasClaims = ofField("aliases");
    const editor = aliasClaims.find((claim) => !claim.article);
    const name = values.name as string | undefined;
    if (editor) {
      values.aliases = editor.value ?? [];
      current.add(editor.id);
    } else {
      const named = sorted.filter((claim) => claim.article && (claim.field === "aliases" || claim.field === "name"));
      if (named.length > 0) {
        // Each source's aliases, then its name: the order the source gives.
        const candidates = [...aliasClaims, ...ofField("name").filter((claim) => claim.article)]
          .sort((a, b) => bySource(a, b) || (a.field === "aliases" ? -1 : 1) - (b.field === "aliases" ? -1 : 1))
          .flatMap((claim) => (claim.field === "aliases" ? (claim.value as string[]) : [claim.value as string]));
        values.aliases = union(candidates.filter((alias) => alias !== name));
        aliasClaims.forEach((claim) => current.add(claim.id));
      }
    }
  }
  return { values, current };
}

function union<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type { ClaimedField };
