// The fixture articles (test/fixtures/articles), recorded over HTTP through recordArticle with an
// editor's token, in date order: with the seed, five overlapping articles about the same events.
import fs from "node:fs";
import path from "node:path";
import type { TestServer } from "./test-server";

const FIXTURES = path.join(__dirname, "..", "fixtures", "articles");

export async function recordFixtureArticles(server: TestServer, editor: Record<string, string>): Promise<void> {
  for (const name of fs.readdirSync(FIXTURES).sort()) {
    const document = JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")) as Record<string, unknown>;
    const { body } = await server.graphql(`mutation ($document: JSONObject!) { recordArticle(document: $document) { facts } }`, { document }, editor);
    if (body.errors) throw new Error(`recording ${name}: ${JSON.stringify(body.errors)}`);
  }
}
