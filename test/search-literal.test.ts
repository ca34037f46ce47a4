// Name search matches the text it is given, literally: `%`, `_` and `\` are characters to find,
// not LIKE wildcards, whether the list is read by the compiled SQL reads (people) or through
// Prisma (places, organizations, meetings by place name).
import { edges } from "./support/connections";
import { startProductionServer } from "./support/production-server";
import type { TestServer } from "./support/test-server";
import { bearer, TEST_JWT_SECRET } from "./support/tokens";

let server: TestServer;
beforeAll(async () => {
  // Production mode; statement counts shown, as the assertions read them.
  server = await startProductionServer({ EXPOSE_SQL_STATEMENT_COUNT: "true", AUTH_JWT_SECRET: TEST_JWT_SECRET });
});
afterAll(() => server?.stop());

const SEARCH = `query ($text: String!) {
  people(filter: { name: $text }) { edges { node { name } } }
  places(filter: { name: $text }) { edges { node { name } } }
  organizations(filter: { name: $text }) { edges { node { name } } }
  meetings(filter: { placeName: $text }) { edges { node { slug } } }
}`;

const search = (text: string) => server.graphql(SEARCH, { text });

const found = ({ people = [] as string[], places = [] as string[], organizations = [] as string[], meetings = [] as string[] } = {}) => ({
  status: 200,
  body: {
    data: {
      people: edges(...people.map((name) => ({ name }))),
      places: edges(...places.map((name) => ({ name }))),
      organizations: edges(...organizations.map((name) => ({ name }))),
      meetings: edges(...meetings.map((slug) => ({ slug }))),
    },
    extensions: { sqlStatements: 4 },
  },
});

describe("in the seeded data, where no name has them", () => {
  test.each(["%", "%%", "_", "__", "b_n", "ben%yahu", "\\", "\\%", "na_ura"])("%j finds nothing", async (text) => {
    expect(await search(text)).toEqual(found());
  });

  test("the same searches without the wildcards still find (the control)", async () => {
    expect(await search("benjamin")).toEqual(found({ people: ["Benjamin Netanyahu"] }));
    expect(await search("naqura")).toEqual(
      found({
        people: ["Israeli civilian representative at the Naqura talks"],
        places: ["Naqura"],
        meetings: ["naqura-civilian-talks-2025-12-03"],
      }),
    );
  });
});

describe("names that do contain them", () => {
  beforeAll(async () => {
    const editor = await bearer({ roles: ["editor"] });
    const created = await Promise.all([
      server.graphql(`mutation { createPerson(input: { slug: "percent-person", name: "Ms 100% Percent" }) { name } }`, undefined, editor),
      server.graphql(`mutation { createPerson(input: { slug: "under-person", name: "Mr Under_Score" }) { name } }`, undefined, editor),
      server.graphql(`mutation { createPerson(input: { slug: "slash-person", name: "Dr Back\\\\Slash" }) { name } }`, undefined, editor),
      server.graphql(`mutation { createPlace(input: { slug: "percent-square", name: "50% Square" }) { name } }`, undefined, editor),
      server.graphql(
        `mutation { createOrganization(input: { slug: "under-org", name: "Snake_Case Society", kind: NEWS_AGENCY }) { name } }`,
        undefined,
        editor,
      ),
    ]);
    expect(created.map((response) => response.body.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  test.each([
    ["%", found({ people: ["Ms 100% Percent"], places: ["50% Square"] })],
    ["0%", found({ people: ["Ms 100% Percent"], places: ["50% Square"] })],
    ["_", found({ people: ["Mr Under_Score"], organizations: ["Snake_Case Society"] })],
    ["r_s", found({ people: ["Mr Under_Score"] })],
    ["e_c", found({ organizations: ["Snake_Case Society"] })],
    ["\\", found({ people: ["Dr Back\\Slash"] })],
    ["k\\s", found({ people: ["Dr Back\\Slash"] })],
    ["b_n", found()],
    ["100 percent", found()],
  ])("%j finds only names with that text", async (text, expected) => {
    expect(await search(text)).toEqual(expected);
  });
});
