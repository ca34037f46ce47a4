// Writes for the operations tests. newsgraph has no GraphQL mutations yet, so a "write" is what
// the seed does: an article document imported in one transaction (src/importer), here a small
// one with a unique slug, made through the same database layer the server uses.
import type { Database } from "../../src/database/database";
import { parseArticleDocument } from "../../src/importer/article-document";
import { importArticle } from "../../src/importer/import-article";

/** A minimal article (and a place of its own, so the import is more than one statement). */
export function testArticleDocument(slug: string) {
  return parseArticleDocument({
    article: { slug, title: `Test article ${slug}`, publisher: "newsgraph tests", publishedOn: "2026-01-01" },
    places: [{ slug: `${slug}-place`, name: `Place of ${slug}` }],
  });
}

/** Imports the article; resolves once the transaction has committed (the write is acknowledged). */
export async function writeTestArticle(database: Database, slug: string): Promise<void> {
  await importArticle(database.prisma, testArticleDocument(slug));
}

export const ARTICLE_BY_SLUG = `query ArticleBySlug($slug: String!) { articleBySlug(slug: $slug) { slug title } }`;
