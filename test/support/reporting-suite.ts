// The suites over the seed and the `reporting` fixture articles (fixture-articles.ts): one test
// server per test file, an editor's token, the fixtures recorded before the first test. `gql`
// sends a query as the editor and gives the response's body.
import { recordFixtureArticles } from "./fixture-articles";
import { startTestServer, type TestServer } from "./test-server";
import { bearer } from "./tokens";

/** Records an article document; its errors say why one was refused. */
export const RECORD = `mutation ($document: JSONObject!) { recordArticle(document: $document) { article { slug } } }`;

/** A test article's header, by slug and publication date. */
export const testArticle = (slug: string, publishedOn: string) => ({ slug, title: `Test ${slug}`, publisher: "Example Wire", publishedOn });

export function reportingSuite() {
  let server: TestServer;
  let editor: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    editor = await bearer({ subject: "editor@example.org", roles: ["editor"] });
    await recordFixtureArticles(server, editor, "reporting");
  });
  afterAll(() => server?.stop());
  return {
    gql: async (query: string, variables?: Record<string, unknown>) => (await server.graphql(query, variables, editor)).body,
  };
}
