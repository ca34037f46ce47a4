// When a document's article is "the same article" as the one stored under its slug. A slug names
// one article for good: sending its document again (corrected title, more facts) updates it, but
// a different article under a taken slug would silently take over the stored one's facts.
//
// Identity is who published it, when, and where: `publisher`, `publishedOn` and `url`; any
// difference in these three means a different article. That includes a URL given for an article
// stored without one: otherwise any story could take over a URL-less article's slug. A record's
// identity is corrected with updateArticle, not by a document. Title, agency and facts are
// content, and may change.
import { isoDay } from "../validation";
import type { ArticleDocument } from "./article-document";

export interface StoredArticleIdentity {
  slug: string;
  publisher: string;
  publishedOn: Date;
  url: string | null;
}

/** A different article is already recorded under the document's slug. Nothing was written. */
export class ArticleConflictError extends Error {
  constructor(
    readonly stored: StoredArticleIdentity,
    /** The identity fields that differ, e.g. ["url"]. */
    readonly differences: string[],
  ) {
    super(
      `article.slug: "${stored.slug}" is already the slug of a different article (${describe(stored)}; ` +
        `this document's ${differences.join(", ")} differ${differences.length === 1 ? "s" : ""}): ` +
        "give the new article a slug of its own",
    );
  }
}

/** The identity fields in which the document's article differs from the stored one (none: the same article). */
export function identityDifferences(stored: StoredArticleIdentity, article: ArticleDocument["article"]): string[] {
  const differences: string[] = [];
  if (stored.publisher !== article.publisher) differences.push("publisher");
  if (isoDay(stored.publishedOn) !== article.publishedOn) differences.push("publishedOn");
  if (stored.url !== (article.url ?? null)) differences.push("url");
  return differences;
}

function describe(stored: StoredArticleIdentity): string {
  const published = `published by ${stored.publisher} on ${isoDay(stored.publishedOn)}`;
  return stored.url ? `${published} at ${stored.url}` : published;
}
