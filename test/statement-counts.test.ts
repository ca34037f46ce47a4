// Each response's `extensions.sqlStatements` counts its own request's statements and no other's,
// however requests overlap. The compiled reads are handed their request's count; Prisma's
// statements find it through the storage a request enters only when it reaches for Prisma, and
// that storage is disabled again once no request holds it (observability/statement-counter.ts).
// So requests of each kind run alone first, then all at once, several times over.
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

let server: TestServer;
let editor: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  editor = await bearer({ roles: ["editor"] });
});
afterAll(() => server?.stop());

/** A compiled read (one statement on PostgreSQL; the embedded database reads through Prisma). */
const COMPILED = `{ meetings(first: 5) { edges { node { title delegations { edges { node { country { code } leader { name } } } } } } } }`;
/** A read that goes through Prisma on every database. */
const THROUGH_PRISMA = `{ history(articleSlug: "2025-12-03-naqura-civilian-talks", first: 3) { action entityType } }`;

const NEW_COUNTRIES = ["NO", "SE", "FI", "DK"];
/** A write (Prisma, in a transaction): a new country each time. */
function mutation(): string {
  const code = NEW_COUNTRIES.shift()!;
  return `mutation { createCountry(input: { code: "${code}", name: "Country ${code}" }) { code } }`;
}

type Kind = "compiled" | "prisma" | "mutation";

async function statementsOf(kind: Kind): Promise<number> {
  const { body } =
    kind === "compiled"
      ? await server.graphql(COMPILED)
      : kind === "prisma"
        ? await server.graphql(THROUGH_PRISMA)
        : await server.graphql(mutation(), undefined, editor);
  expect(body.errors).toBeUndefined();
  return body.extensions!.sqlStatements!;
}

test("overlapping requests each report their own statements", async () => {
  const alone: Record<Kind, number> = {
    compiled: await statementsOf("compiled"),
    prisma: await statementsOf("prisma"),
    mutation: await statementsOf("mutation"),
  };
  expect(alone.compiled).toBeGreaterThan(0);
  expect(alone.prisma).toBeGreaterThan(0);
  expect(alone.mutation).toBeGreaterThan(0);

  const kinds: Kind[] = ["compiled", "prisma", "compiled", "mutation", "compiled", "prisma", "compiled", "compiled"];
  for (let round = 0; round < 3; round++) {
    const counts = await Promise.all(kinds.map(async (kind) => ({ kind, statements: await statementsOf(kind) })));
    expect(counts).toEqual(kinds.map((kind) => ({ kind, statements: alone[kind] })));
    // Alone again, after the storage was let go: still counted.
    expect({ compiled: await statementsOf("compiled"), prisma: await statementsOf("prisma") }).toEqual({
      compiled: alone.compiled,
      prisma: alone.prisma,
    });
  }
});
