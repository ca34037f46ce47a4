// Upgrading: the claims migration backfills the claims of articles recorded before it, so an
// upgraded database answers, and then behaves, like a fresh one.
import fs from "node:fs";
import path from "node:path";
import { paths } from "../src/config";
import { migrate, readMigrations } from "../src/database/migrator";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

let server: TestServer;
let editor: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  editor = await bearer({ subject: "editor@example.org", roles: ["editor"] });
});
afterAll(() => server?.stop());

async function gql(query: string, variables?: Record<string, unknown>) {
  const { body } = await server.graphql(query, variables, editor);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

const CLAIMS = `claims { field value current article { slug } }`;
const GRAPH = `{
  countries(first: 50) { edges { node { code name aliases ${CLAIMS} } } }
  people(first: 50) { edges { node { slug name aliases description ${CLAIMS}
    roles { edges { node { title ${CLAIMS} } } } } } }
  organizations(first: 50) { edges { node { slug name aliases description ${CLAIMS} } } }
  ceasefires { edges { node { slug summary ${CLAIMS} parties { edges { node { __typename } } } } } }
  meetings { edges { node { slug summary ${CLAIMS} delegations { edges { node { description ${CLAIMS}
    members { edges { node { role ${CLAIMS} } } } } } } } } }
  plans { edges { node { slug nextPhase ${CLAIMS} } } }
}`;

test("the migration gives a database seeded before it the claims a fresh one has; later articles merge as on a fresh one", async () => {
  const fresh = await gql(GRAPH);
  // The database as it was before the claims migration: same rows and source links, no claims.
  await server.database.withSession((session) =>
    session.exec(`DROP TABLE "claim"; DROP TABLE "change";
      DELETE FROM "_prisma_migrations" WHERE "migration_name" = '20261201000000_claims'`),
  );
  const migrations = readMigrations(paths.migrations);
  const applied = await server.database.withSession((session) => migrate(session, migrations));
  expect(applied).toEqual(["20261201000000_claims"]);
  // Later migrations rewrote the claims the backfill writes (a meeting's mediator became a set of
  // mediators, its host a set of hosts; dates gained their precision): replayed here, as an upgrade
  // running the migrations in order would.
  for (const name of ["20261204010000_mediation", "20261205000000_meeting_hosts", "20261205020000_date_precision_and_instants"]) {
    const { sql } = migrations.find((migration) => migration.name === name)!;
    await server.database.withSession((session) => session.exec(sql.slice(sql.search(/^(UPDATE|INSERT INTO) "claim"/m))));
  }
  expect(await gql(GRAPH)).toEqual(fresh);

  const later = JSON.parse(
    fs.readFileSync(path.join(__dirname, "fixtures", "articles", "2025-12-05-netanyahu-on-naqura.json"), "utf8"),
  );
  await gql(`mutation ($document: JSONObject!) { recordArticle(document: $document) { facts } }`, { document: later });
  expect(await gql(`{ personBySlug(slug: "benjamin-netanyahu") { aliases description claims(field: "description") { value current article { slug } } } }`)).toEqual({
    personBySlug: {
      aliases: ["Binyamin Netanyahu", "Bibi", "Bibi Netanyahu", "B. Netanyahu"],
      description: "Israeli prime minister; described the Naqura meeting as a first step towards economic cooperation.",
      claims: [
        {
          value: "Prime minister of Israel; sent a civilian representative to the talks with Lebanon.",
          current: false,
          article: { slug: "2025-12-03-naqura-civilian-talks" },
        },
        {
          value: "Israeli prime minister; described the Naqura meeting as a first step towards economic cooperation.",
          current: true,
          article: { slug: "2025-12-05-netanyahu-on-naqura" },
        },
      ],
    },
  });
});
