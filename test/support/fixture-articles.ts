// The fixture articles, recorded over HTTP through recordArticle with an editor's token, in date
// order. Two sets: `articles`, with the seed five overlapping articles about the same events (the
// merge rule's tests record them in every order), and `reporting`, articles of other kinds (a
// signing...) in the newest document format, each recording its facts into typed fields.
import fs from "node:fs";
import path from "node:path";
import type { TestServer } from "./test-server";

export async function recordFixtureArticles(server: TestServer, editor: Record<string, string>, set: "articles" | "reporting" = "articles"): Promise<void> {
  const fixtures = path.join(__dirname, "..", "fixtures", set);
  for (const name of fs.readdirSync(fixtures).sort()) {
    const document = JSON.parse(fs.readFileSync(path.join(fixtures, name), "utf8")) as Record<string, unknown>;
    const { body } = await server.graphql(`mutation ($document: JSONObject!) { recordArticle(document: $document) { facts } }`, { document }, editor);
    if (body.errors) throw new Error(`recording ${name}: ${JSON.stringify(body.errors)}`);
  }
}
