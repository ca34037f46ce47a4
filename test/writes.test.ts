// Writes: only editors, validated before anything is written, one transaction each, audited.
import fs from "node:fs";
import path from "node:path";
import { edges } from "./support/connections";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

let server: TestServer;
let editor: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  editor = await bearer({ subject: "alice@newsroom.example", roles: ["editor"] });
});
afterAll(() => server?.stop());

const TABLES = [
  "article", "ceasefire", "ceasefire_party", "country", "delegation", "delegation_member", "fact_source",
  "meeting", "organization", "person", "person_role", "place", "plan", "reported_figure", "statement",
];

/** Every table's row count and a digest of its contents: "nothing changed" means these are equal. */
async function snapshot(): Promise<Record<string, string>> {
  return server.database.withSession(async (session) => {
    const result: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await session.query<{ n: number; digest: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t`,
      );
      result[table] = `${row.n}:${row.digest}`;
    }
    return result;
  });
}

async function id(query: string): Promise<string> {
  const { body } = await server.graphql<Record<string, { id: string }>>(`{ x: ${query} { id } }`);
  return body.data!.x.id;
}

const CREATE_COUNTRY = `mutation ($input: CountryInput!) { createCountry(input: $input) { code name aliases createdBy updatedBy } }`;

describe("who may write", () => {
  test.each([
    ["no token", async () => ({}), "UNAUTHENTICATED", "This operation needs a bearer token."],
    ["a reader's token", () => bearer({ roles: ["reader"] }), "FORBIDDEN", "This operation needs the role(s): editor."],
    ["an expired token", () => bearer({ expiresIn: -60 }), "UNAUTHENTICATED", "The token has expired."],
    ["a forged token", () => bearer({ secret: "x".repeat(40) }), "UNAUTHENTICATED", "The token is not valid."],
    [
      "a malformed header",
      async () => ({ authorization: "Basic YWxpY2U6c2VjcmV0" }),
      "UNAUTHENTICATED",
      "The Authorization header must be `Bearer <JWT>`.",
    ],
  ])("%s: refused, nothing written", async (_case, headers, code, message) => {
    const before = await snapshot();
    const { body } = await server.graphql(CREATE_COUNTRY, { input: { code: "SY", name: "Syria" } }, await headers());
    expect(body.errors).toEqual([expect.objectContaining({ message, extensions: { code } })]);
    expect(body.data ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  test("reads stay open; a bad token on a read is refused rather than ignored", async () => {
    expect((await server.graphql(`{ countryByCode(code: "LB") { name } }`)).body.data).toEqual({
      countryByCode: { name: "Lebanon" },
    });
    const forged = await server.graphql(`{ countryByCode(code: "LB") { name } }`, undefined, await bearer({ secret: "y".repeat(40) }));
    expect(forged.status).toBe(200); // as application/json: the code says it (test/http-status.test.ts)
    expect(forged.body.errors).toEqual([expect.objectContaining({ extensions: { code: "UNAUTHENTICATED" } })]);
  });
});

describe("create, update, delete", () => {
  test("an editor creates a country; who and when are recorded", async () => {
    const { body } = await server.graphql(CREATE_COUNTRY, { input: { code: "SY", name: "Syria", aliases: ["Syrian Arab Republic"] } }, editor);
    expect(body).toMatchObject({
      data: {
        createCountry: {
          code: "SY",
          name: "Syria",
          aliases: ["Syrian Arab Republic"],
          createdBy: "alice@newsroom.example",
          updatedBy: "alice@newsroom.example",
        },
      },
    });
    // The name-search column is kept by the database for new rows too.
    const search = await server.graphql(`{ countries(first: 100) { edges { node { code } } } }`);
    expect(JSON.stringify(search.body.data)).toContain('"SY"');
  });

  test("references take slugs and ISO codes as well as ids; one that names nothing writes nothing", async () => {
    const create = `mutation ($input: MeetingInput!) { createMeeting(input: $input) {
      slug place { name } host { slug } mediatingCountry { code } sources { edges { node { slug } } } } }`;
    const input = {
      slug: "naqura-follow-up",
      title: "A follow-up at Naqura",
      placeId: "naqura",
      hostId: "unifil",
      mediatorCountryId: "us",
      sourceArticleIds: ["2025-12-03-naqura-civilian-talks"],
    };
    const before = await snapshot();
    const missing = await server.graphql(create, { input: { ...input, placeId: "atlantis" } }, editor);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ message: '`input.placeId`: there is no place with slug "atlantis".', extensions: { code: "BAD_USER_INPUT", field: "input.placeId" } }),
    ]);
    const malformed = await server.graphql(create, { input: { ...input, mediatorCountryId: "USA" } }, editor);
    expect(malformed.body.errors).toEqual([
      expect.objectContaining({
        message: '`input.mediatorCountryId`: "USA" is not a valid id or ISO code.',
        extensions: { code: "BAD_USER_INPUT", field: "input.mediatorCountryId" },
      }),
    ]);
    expect(await snapshot()).toEqual(before);
    const { body } = await server.graphql<{ createMeeting: { id: string } }>(create.replace("slug place", "id slug place"), { input }, editor);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      createMeeting: {
        id: expect.any(String),
        slug: "naqura-follow-up",
        place: { name: "Naqura" },
        host: { slug: "unifil" },
        mediatingCountry: { code: "US" },
        sources: edges({ slug: "2025-12-03-naqura-civilian-talks" }),
      },
    });
    // Leaves the seeded graph as the other tests expect it.
    const deleted = await server.graphql(`mutation ($id: ID!) { deleteMeeting(id: $id) { id } }`, { id: body.data!.createMeeting.id }, editor);
    expect(deleted.body.errors).toBeUndefined();
  });

  test("a duplicate natural key is a CONFLICT", async () => {
    const before = await snapshot();
    const { body } = await server.graphql(CREATE_COUNTRY, { input: { code: "LB", name: "Lebanon again" } }, editor);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: "CONFLICT" } })]);
    expect(await snapshot()).toEqual(before);
  });

  test.each([
    [CREATE_COUNTRY, { input: { code: "lbn", name: "Lebanon" } }, "input.code"],
    [CREATE_COUNTRY, { input: { code: "QA", name: "" } }, "input.name"],
    [CREATE_COUNTRY, { input: { code: "QA", name: "x".repeat(301) } }, "input.name"],
    [
      `mutation ($input: PlaceInput!) { createPlace(input: $input) { id } }`,
      { input: { slug: "Not A Slug", name: "Somewhere" } },
      "input.slug",
    ],
    [
      `mutation ($input: PlaceInput!) { createPlace(input: $input) { id } }`,
      { input: { slug: "somewhere", name: "Somewhere", countryId: "00000000-0000-4000-8000-000000000000" } },
      "input.countryId",
    ],
    [
      `mutation ($input: CeasefireInput!) { createCeasefire(input: $input) { id } }`,
      { input: { slug: "backwards", name: "Backwards truce", status: "ENDED", startDate: "2025-05-01", endDate: "2025-04-01" } },
      "input.endDate",
    ],
    [
      `mutation ($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      { input: { slug: "far-future", title: "A meeting in 2999", date: "2999-01-01" } },
      "input.date",
    ],
    [
      `mutation ($input: StatementInput!) { createStatement(input: $input) { id } }`,
      { input: { slug: "nobody-said", summary: "Words without a speaker." } },
      "input.speakerPersonIds",
    ],
  ])("invalid input %# is BAD_USER_INPUT naming the field, and writes nothing", async (mutation, variables, field) => {
    const before = await snapshot();
    const { body } = await server.graphql(mutation, variables, editor);
    expect(body.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining(`\`${field}\``), extensions: { code: "BAD_USER_INPUT", field } }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  test("update changes only the given fields; unknown ids are NOT_FOUND", async () => {
    const karam = await id(`personBySlug(slug: "simon-karam")`);
    const update = `mutation ($id: ID!, $input: PersonPatch!) {
      updatePerson(id: $id, input: $input) { name aliases description updatedBy createdBy }
    }`;
    const { body } = await server.graphql(update, { id: karam, input: { aliases: ["Simon Karam", "S. Karam"] } }, editor);
    expect(body.data).toEqual({
      updatePerson: {
        name: "Simon Karam",
        aliases: ["Simon Karam", "S. Karam"],
        description: "Former Lebanese ambassador who leads Lebanon's delegation to the talks with Israel.",
        updatedBy: "alice@newsroom.example",
        createdBy: "import",
      },
    });
    const missing = await server.graphql(update, { id: "00000000-0000-4000-8000-000000000000", input: { name: "X" } }, editor);
    expect(missing.body.errors).toEqual([expect.objectContaining({ extensions: { code: "NOT_FOUND" } })]);
    const cleared = await server.graphql(update, { id: karam, input: { name: null } }, editor);
    expect(cleared.body.errors).toEqual([
      expect.objectContaining({ message: "`input.name` must not be null.", extensions: { code: "BAD_USER_INPUT", field: "input.name" } }),
    ]);
  });

  test("an update may not make a ceasefire end before it started", async () => {
    const { body: list } = await server.graphql<{ ceasefires: { edges: { node: { id: string } }[] } }>(
      `{ ceasefires { edges { node { id } } } }`,
    );
    const target = list.data!.ceasefires.edges[0].node.id;
    const { body } = await server.graphql(
      `mutation ($id: ID!) { updateCeasefire(id: $id, input: { endDate: "2024-01-01" }) { endDate } }`,
      { id: target },
      editor,
    );
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "`input.endDate` must not be before startDate.",
        extensions: { code: "BAD_USER_INPUT", field: "input.endDate" },
      }),
    ]);
  });

  test("deleting what others refer to is a CONFLICT that says what refers to it; cascade removes it all", async () => {
    const naqura = await id(`meetingBySlug(slug: "naqura-civilian-talks-2025-12-03")`);
    const before = await snapshot();
    const refused = await server.graphql(`mutation ($id: ID!) { deleteMeeting(id: $id) { id } }`, { id: naqura }, editor);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: "This meeting is referred to by 3 delegation (meetingId); delete those first or pass cascade: true.",
        extensions: { code: "CONFLICT", references: [{ model: "delegation", field: "meetingId", count: 3 }] },
      }),
    ]);
    expect(await snapshot()).toEqual(before);

    const deleted = await server.graphql<{ deleteMeeting: { id: string; removed: { table: string }[] } }>(
      `mutation ($id: ID!) { deleteMeeting(id: $id, cascade: true) { id removed { table id } } }`,
      { id: naqura },
      editor,
    );
    expect(deleted.body.errors).toBeUndefined();
    const removedTables = deleted.body.data!.deleteMeeting.removed.map((row) => row.table);
    // Its mediations (the US envoy, the United States) and its host (UNIFIL) are parts of it, not references: they go with it.
    expect(removedTables.sort()).toEqual(["delegation", "delegation", "delegation", "delegationMember", "mediation", "mediation", "meeting", "meetingHost"]);
    const after = await server.graphql(`{
      meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { id }
      personBySlug(slug: "simon-karam") { ledDelegations { totalCount } }
      articleBySlug(slug: "2025-12-03-naqura-civilian-talks") { meetings: facts(kind: MEETING) { totalCount } }
    }`);
    expect(after.body.data).toEqual({
      meetingBySlug: null,
      personBySlug: { ledDelegations: { totalCount: 0 } },
      articleBySlug: { meetings: { totalCount: 1 } },
    });
  });
});

describe("recordArticle", () => {
  const document = {
    article: {
      slug: "2026-01-10-second-round",
      title: "Lebanese and Israeli civilians meet again in Naqura",
      publisher: "Example Wire",
      publishedOn: "2026-01-10",
    },
    people: [
      { slug: "jane-roe", name: "Jane Roe", aliases: ["Jane Röe"], nationality: "US", roles: [] },
    ],
    meetings: [
      {
        slug: "naqura-second-round-2026-01-09",
        title: "Second round of civilian talks",
        date: "2026-01-09",
        place: "naqura",
        host: "unifil",
        mediator: "jane-roe",
        delegations: [
          { country: "LB", leader: "simon-karam", members: [] },
          { country: "IL", leader: null, members: [] },
        ],
      },
    ],
  };
  const RECORD = `mutation ($document: JSONObject!) {
    recordArticle(document: $document) { facts article { title createdBy } }
  }`;

  test("records an article with its facts, linked to it; sending it again changes nothing", async () => {
    const first = await server.graphql(RECORD, { document }, editor);
    expect(first.body).toEqual({
      data: { recordArticle: { facts: 4, article: { title: document.article.title, createdBy: "alice@newsroom.example" } } },
      extensions: expect.anything(),
    });
    const meeting = await server.graphql(`{
      meetingBySlug(slug: "naqura-second-round-2026-01-09") {
        mediator { name } place { name }
        delegations { edges { node { country { code } leader { name } } } }
        sources { edges { node { title } } }
      }
      people(filter: { name: "jane roe" }) { totalCount }
    }`);
    expect(meeting.body.data).toEqual({
      meetingBySlug: {
        mediator: { name: "Jane Roe" },
        place: { name: "Naqura" },
        delegations: edges({ country: { code: "IL" }, leader: null }, { country: { code: "LB" }, leader: { name: "Simon Karam" } }),
        sources: edges({ title: document.article.title }),
      },
      people: { totalCount: 1 },
    });
    const before = await snapshot();
    const again = await server.graphql(RECORD, { document }, editor);
    expect(again.body.errors).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  test("a document with an error anywhere writes nothing at all", async () => {
    const before = await snapshot();
    const broken = {
      ...document,
      article: { ...document.article, slug: "2026-01-11-broken" },
      people: [{ slug: "john-doe", name: "John Doe", roles: [] }],
      meetings: [{ ...document.meetings[0], slug: "broken-meeting", delegations: [{ country: "LB", leader: "nobody-known", members: [] }] }],
    };
    const { body } = await server.graphql(RECORD, { document: broken }, editor);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'meetings.0.delegations.0.leader: no person with key "nobody-known" in the document or the database',
        extensions: {
          code: "BAD_USER_INPUT",
          field: "document.meetings.0.delegations.0.leader",
          errors: [
            {
              path: "meetings.0.delegations.0.leader",
              message: 'no person with key "nobody-known" in the document or the database',
            },
          ],
        },
      }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  test("a malformed document is refused with the path of the bad value", async () => {
    const { body } = await server.graphql(RECORD, { document: { ...document, article: { ...document.article, publishedOn: "10/01/2026" } } }, editor);
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: {
          code: "BAD_USER_INPUT",
          field: "document.article.publishedOn",
          errors: [{ path: "article.publishedOn", message: "Invalid ISO date" }],
        },
      }),
    ]);
  });

  test("the seed article file is a valid document for recordArticle", async () => {
    const seed = JSON.parse(
      fs.readFileSync(path.join(__dirname, "..", "prisma", "seed", "2025-12-03-naqura-civilian-talks.json"), "utf8"),
    );
    const { body } = await server.graphql(RECORD, { document: seed }, editor);
    expect(body.errors).toBeUndefined();
  });
});

describe("tokens signed with a private key, verified with the configured public key", () => {
  let keyed: TestServer;
  let privateKey: Awaited<ReturnType<typeof import("jose").generateKeyPair>>["privateKey"];
  beforeAll(async () => {
    const { exportSPKI, generateKeyPair } = await import("jose");
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey;
    keyed = await startTestServer({
      server: {
        auth: {
          jwtPublicKey: await exportSPKI(pair.publicKey),
          jwtAlgorithm: "RS256",
          issuer: "https://auth.newsroom.example",
          requireTokenForReads: false,
        },
      },
    });
  });
  afterAll(() => keyed?.stop());

  async function rs256(issuer: string): Promise<Record<string, string>> {
    const { SignJWT } = await import("jose");
    const token = await new SignJWT({ roles: ["editor"] })
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("bob@newsroom.example")
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
    return { authorization: `Bearer ${token}` };
  }

  test("a token from the configured issuer may write; another issuer's, or an HS256 one, may not", async () => {
    const ok = await keyed.graphql(CREATE_COUNTRY, { input: { code: "JO", name: "Jordan" } }, await rs256("https://auth.newsroom.example"));
    expect(ok.body.data).toEqual({
      createCountry: { code: "JO", name: "Jordan", aliases: [], createdBy: "bob@newsroom.example", updatedBy: "bob@newsroom.example" },
    });
    for (const headers of [await rs256("https://elsewhere.example"), await bearer()]) {
      const refused = await keyed.graphql(CREATE_COUNTRY, { input: { code: "EG", name: "Egypt" } }, headers);
      expect(refused.body.errors).toEqual([expect.objectContaining({ extensions: { code: "UNAUTHENTICATED" } })]);
    }
  });
});
