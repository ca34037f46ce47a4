// Security issue 12, text and concurrency: invisible and reordering characters are refused in
// every way text comes in (mutations, recordArticle, `npm run import`) with the field named and
// nothing written; text is stored NFC; expectedUpdatedAt makes updates and deletes conditional.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/database/database";
import { runEntry, runEntryWithArgs } from "./support/cli";
import { snapshotTables } from "./support/database-snapshot";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { startProductionServer } from "./support/production-server";
import type { TestServer } from "./support/test-server";
import { bearer, TEST_JWT_SECRET } from "./support/tokens";

let server: TestServer;
let editor: Record<string, string>;
beforeAll(async () => {
  server = await startProductionServer({ AUTH_JWT_SECRET: TEST_JWT_SECRET });
  editor = await bearer({ subject: "alice@newsroom.example", roles: ["editor"] });
});
afterAll(() => server?.stop());

const snapshot = () => snapshotTables(server.database);

/** Each refused class of character: [what, the character, how the error names it]. */
const REFUSED: [string, string, string][] = [
  ["an escape (C0 control)", "\u001b", "U+001B (a control character)"],
  ["a CSI (C1 control)", "\u009b", "U+009B (a control character)"],
  ["a newline", "\n", "U+000A (a control character)"],
  ["a right-to-left override", "\u202e", "U+202E (a bidirectional control character)"],
  ["a left-to-right embedding", "\u202a", "U+202A (a bidirectional control character)"],
  ["a right-to-left isolate", "\u2067", "U+2067 (a bidirectional control character)"],
  ["a pop directional isolate", "\u2069", "U+2069 (a bidirectional control character)"],
  ["a left-to-right mark", "\u200e", "U+200E (a bidirectional control character)"],
  ["a right-to-left mark", "\u200f", "U+200F (a bidirectional control character)"],
  ["an Arabic letter mark", "\u061c", "U+061C (a bidirectional control character)"],
  ["a zero-width space", "\u200b", "U+200B (a zero-width character)"],
  ["a zero-width non-joiner", "\u200c", "U+200C (a zero-width character)"],
  ["a zero-width joiner", "\u200d", "U+200D (a zero-width character)"],
  ["a word joiner", "\u2060", "U+2060 (a zero-width character)"],
  ["a byte order mark", "\ufeff", "U+FEFF (a zero-width character)"],
];

/** A refused input's whole response: status 200 (the request was fine, its content was not), no data. */
function refusal(message: string, field: string, mutation: string) {
  return {
    status: 200,
    body: {
      errors: [{ message, locations: expect.any(Array), path: [mutation], extensions: { code: "BAD_USER_INPUT", field } }],
      data: null
    },
  };
}

const CREATE_PERSON = `mutation ($input: PersonInput!) { createPerson(input: $input) { id } }`;
const CREATE_MEETING = `mutation ($input: MeetingInput!) { createMeeting(input: $input) { id } }`;

describe("single-line fields refuse control, bidi-control and zero-width characters", () => {
  // [field, mutation, input with the character `c` in that field, the field's path]
  const fields: [string, string, string, (c: string) => Record<string, unknown>, string][] = [
    ["a name", CREATE_PERSON, "createPerson", (c) => ({ slug: "mallory", name: `Mal${c}lory` }), "input.name"],
    ["a slug", CREATE_PERSON, "createPerson", (c) => ({ slug: `mal${c}lory`, name: "Mallory" }), "input.slug"],
    ["a title", CREATE_MEETING, "createMeeting", (c) => ({ slug: "evil-meeting", title: `Talks${c}` }), "input.title"],
    [
      "an alias",
      CREATE_PERSON,
      "createPerson",
      (c) => ({ slug: "mallory", name: "Mallory", aliases: ["M.", `${c}Mallory`] }),
      "input.aliases.1",
    ],
  ];
  const cases = fields.flatMap(([field, query, mutation, input, at]) =>
    REFUSED.map(([what, c, named]) => [field, what, query, mutation, input(c), at, named] as const),
  );

  test.each(cases)("%s with %s: BAD_USER_INPUT naming it, nothing written", async (_f, _w, query, mutation, input, at, named) => {
    const before = await snapshot();
    expect(await server.graphql(query, { input }, editor)).toEqual(refusal(`\`${at}\` must not contain ${named}.`, at, mutation));
    expect(await snapshot()).toEqual(before);
  });

  test("an update is checked the same way", async () => {
    const { body } = await server.graphql<{ personBySlug: { id: string } }>(`{ personBySlug(slug: "simon-karam") { id } }`);
    const before = await snapshot();
    const response = await server.graphql(
      `mutation ($id: ID!, $input: PersonPatch!) { updatePerson(id: $id, input: $input) { id } }`,
      { id: body.data!.personBySlug.id, input: { name: "Simon \u202eKaram" } },
      editor,
    );
    expect(response).toEqual(
      refusal("`input.name` must not contain U+202E (a bidirectional control character).", "input.name", "updatePerson"),
    );
    expect(await snapshot()).toEqual(before);
  });

  test("a URL with a newline is refused too", async () => {
    const before = await snapshot();
    const response = await server.graphql(
      `mutation ($input: ArticleInput!) { createArticle(input: $input) { id } }`,
      {
        input: { slug: "x", title: "X", publisher: "P", publishedOn: "2026-01-01", url: "https://news.example/a\nSet-Cookie: x" },
      },
      editor,
    );
    expect(response).toEqual(refusal("`input.url` must not contain U+000A (a control character).", "input.url", "createArticle"));
    expect(await snapshot()).toEqual(before);
  });
});

describe("long texts keep newlines and tabs, and refuse the rest", () => {
  const CREATE = `mutation ($input: PersonInput!) { createPerson(input: $input) { name description } }`;

  test("a newline and a tab are kept in a description (CR LF is stored as LF)", async () => {
    const description = "Line one\n\tindented line two\r\nline three";
    const response = await server.graphql(CREATE, { input: { slug: "multi-line", name: "Multi Line", description } }, editor);
    expect(response).toEqual({
      status: 200,
      body: {
        data: { createPerson: { name: "Multi Line", description: "Line one\n\tindented line two\nline three" } }
      },
    });
  });

  test("ZWNJ, part of Persian spelling, is kept in a description (not in names)", async () => {
    const quote = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"; // "mi-khaham" (I want), with its ZWNJ
    const response = await server.graphql(CREATE, { input: { slug: "zwnj-text", name: "Zwnj Text", description: quote } }, editor);
    expect(response.body.data).toEqual({ createPerson: { name: "Zwnj Text", description: quote } });
  });

  test.each([
    ["an escape", "\u001b[2J", "U+001B (a control character)"],
    ["a vertical tab", "\u000b", "U+000B (a control character)"],
    ["a right-to-left override", "\u202e", "U+202E (a bidirectional control character)"],
    ["a left-to-right isolate", "\u2066", "U+2066 (a bidirectional control character)"],
    ["a zero-width space", "\u200b", "U+200B (a zero-width character)"],
    ["a byte order mark", "\ufeff", "U+FEFF (a zero-width character)"],
  ])("a description with %s is refused", async (_what, c, named) => {
    const before = await snapshot();
    const response = await server.graphql(
      CREATE_PERSON,
      { input: { slug: "long-text", name: "Long Text", description: `Before${c}after` } },
      editor,
    );
    expect(response).toEqual(refusal(`\`input.description\` must not contain ${named}.`, "input.description", "createPerson"));
    expect(await snapshot()).toEqual(before);
  });

  test("the same newline is refused in a name", async () => {
    const before = await snapshot();
    const response = await server.graphql(CREATE_PERSON, { input: { slug: "two-lines", name: "Two\nLines" } }, editor);
    expect(response).toEqual(refusal("`input.name` must not contain U+000A (a control character).", "input.name", "createPerson"));
    expect(await snapshot()).toEqual(before);
  });
});

describe("text is stored in NFC", () => {
  const NFD = "Nabi\u0301h Berri\u0300"; // i + combining acute; a trailing combining grave on i
  const NFC = "Nab\u00edh Berr\u00ec";

  test("a name sent in NFD is stored and returned in NFC, and found by search", async () => {
    const created = await server.graphql(
      `mutation ($input: PersonInput!) { createPerson(input: $input) { name aliases } }`,
      { input: { slug: "nabih-berri", name: NFD, aliases: [`Speaker ${NFD}`] } },
      editor,
    );
    expect(created.body.data).toEqual({ createPerson: { name: NFC, aliases: [`Speaker ${NFC}`] } });
    const stored = await server.database.withSession((session) =>
      session.query(`SELECT name, aliases FROM person WHERE slug = 'nabih-berri'`),
    );
    expect(stored).toEqual([{ name: NFC, aliases: [`Speaker ${NFC}`] }]);
    const search = await server.graphql(`query ($a: String!, $b: String!, $c: String!) {
      a: people(filter: { name: $a }) { edges { node { slug } } }
      b: people(filter: { name: $b }) { edges { node { slug } } }
      c: people(filter: { name: $c }) { edges { node { slug } } }
    }`, { a: "nabih berri", b: NFC, c: NFD });
    const found = { edges: [{ node: { slug: "nabih-berri" } }] };
    expect(search.body.data).toEqual({ a: found, b: found, c: found });
  });

  test("recordArticle stores NFC too", async () => {
    const response = await server.graphql(
      `mutation ($document: JSONObject!) { recordArticle(document: $document) { article { title } } }`,
      {
        document: {
          article: { slug: "2026-02-02-nfd", title: `Meeting ${NFD}`, publisher: "Example Wire", publishedOn: "2026-02-02" },
        },
      },
      editor,
    );
    expect(response.body.data).toEqual({ recordArticle: { article: { title: `Meeting ${NFC}` } } });
  });
});

describe("recordArticle refuses the same characters, naming the document path", () => {
  const RECORD = `mutation ($document: JSONObject!) { recordArticle(document: $document) { facts } }`;
  const article = { slug: "2026-03-01-evil", title: "Evil", publisher: "Example Wire", publishedOn: "2026-03-01" };
  const documents: [string, (c: string) => Record<string, unknown>, string][] = [
    ["a name", (c) => ({ article, people: [{ slug: "mallory", name: `Mal${c}lory` }] }), "people.0.name"],
    ["a slug", (c) => ({ article, people: [{ slug: `mal${c}lory`, name: "Mallory" }] }), "people.0.slug"],
    ["a title", (c) => ({ article: { ...article, title: `Evil${c}` } }), "article.title"],
    ["an alias", (c) => ({ article, organizations: [{ slug: "evil", name: "Evil", kind: "INTERNATIONAL_ORGANIZATION", aliases: [`E${c}`] }] }), "organizations.0.aliases.0"],
  ];
  const cases = documents.flatMap(([field, document, at]) =>
    REFUSED.map(([what, c, named]) => [field, what, document(c), at, named] as const),
  );

  test.each(cases)("%s with %s", async (_f, _w, document, at, named) => {
    const before = await snapshot();
    // recordArticle lists every error of the document in `extensions.errors` (here the one).
    const expected = refusal(`${at}: must not contain ${named}`, `document.${at}`, "recordArticle");
    Object.assign(expected.body.errors[0].extensions, { errors: [{ path: at, message: `must not contain ${named}` }] });
    expect(await server.graphql(RECORD, { document }, editor)).toEqual(expected);
    expect(await snapshot()).toEqual(before);
  });
});

describe("npm run import refuses the same characters, in one line that does not echo them", () => {
  let dataDir: string;
  let database: TestDatabase;
  const cliSnapshot = async () => {
    const db = await openDatabase(database.config);
    try {
      return await snapshotTables(db);
    } finally {
      await db.close();
    }
  };
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-text-"));
    database = await createTestDatabase(path.join(dataDir, "pglite"));
    expect((await runEntry("cli/migrate", database.env)).code).toBe(0);
  });
  afterAll(async () => {
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const article = { slug: "2026-03-01-evil", title: "Evil", publisher: "Example Wire", publishedOn: "2026-03-01" };
  const place = (field: string, c: string): Record<string, unknown> => ({
    article: field === "title" ? { ...article, title: `Evil${c}` } : article,
    places: [
      {
        slug: field === "slug" ? `evil${c}` : "evil",
        name: field === "name" ? `Evil ${c}Place` : "Evil Place",
        aliases: field === "alias" ? [`${c}Evil`] : [],
      },
    ],
  });
  const paths: Record<string, string> = { name: "places.0.name", slug: "places.0.slug", title: "article.title", alias: "places.0.aliases.0" };
  // Each class once, the fields taken in turn (a CLI run starts a process and a database).
  // NUL too: over HTTP the server refuses it in any string before a resolver runs.
  const refusedInFiles = [...REFUSED, ["a NUL", "\u0000", "U+0000 (a control character)"] as const];
  const cases = refusedInFiles.map(([what, c, named], i) => {
    const field = ["name", "slug", "title", "alias"][i % 4];
    return [field, what, place(field, c), paths[field], named] as const;
  });

  test.each(cases)("%s with %s", async (_f, _w, document, at, named) => {
    const before = await cliSnapshot();
    const file = path.join(dataDir, "evil.json");
    fs.writeFileSync(file, JSON.stringify(document));
    expect(await runEntryWithArgs("cli/import", [file], database.env)).toEqual({
      code: 1,
      stdout: "",
      stderr: `import: ${at}: must not contain ${named}\n`,
    });
    expect(await cliSnapshot()).toEqual(before);
  });
});

describe("expectedUpdatedAt: updates and deletes only of what the client read", () => {
  const UPDATE = `mutation ($id: ID!, $input: PlacePatch!, $at: DateTimeISO) {
    updatePlace(id: $id, input: $input, expectedUpdatedAt: $at) { name updatedAt }
  }`;
  const DELETE = `mutation ($id: ID!, $at: DateTimeISO) { deletePlace(id: $id, expectedUpdatedAt: $at) { id removed { table id } } }`;

  let counter = 0;
  /** A new place of its own; returns its id and the updatedAt a client reads. */
  async function newPlace(): Promise<{ id: string; updatedAt: string }> {
    counter += 1;
    const { body } = await server.graphql<{ createPlace: { id: string; updatedAt: string } }>(
      `mutation ($input: PlaceInput!) { createPlace(input: $input) { id updatedAt } }`,
      { input: { slug: `contested-${counter}`, name: `Contested ${counter}` } },
      editor,
    );
    return body.data!.createPlace;
  }

  function conflict(model: string, mutation: string, current: string, read: string) {
    return {
      status: 200,
      body: {
        errors: [
          {
            message: `This ${model} was changed at ${current}, after the ${read} you read; read it again and retry.`,
            locations: expect.any(Array),
            path: [mutation],
            extensions: { code: "CONFLICT", currentUpdatedAt: current },
          },
        ],
        data: null
      },
    };
  }

  test("updatedAt is read and stored with millisecond precision", async () => {
    const { id, updatedAt } = await newPlace();
    expect(updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const [row] = await server.database.withSession((session) =>
      session.query<{ at: string }>(`SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM place WHERE id = '${id}'`),
    );
    expect(row.at).toBe(updatedAt);
  });

  test("an update with the updatedAt read is applied; with a stale one it is CONFLICT and nothing changes", async () => {
    const { id, updatedAt: read } = await newPlace();
    const applied = await server.graphql<{ updatePlace: { name: string; updatedAt: string } }>(
      UPDATE,
      { id, input: { name: "First edit" }, at: read },
      editor,
    );
    expect(applied.body.errors).toBeUndefined();
    const current = applied.body.data!.updatePlace.updatedAt;
    expect(applied.body.data).toEqual({ updatePlace: { name: "First edit", updatedAt: current } });
    expect(current > read).toBe(true);

    const before = await snapshot();
    const stale = await server.graphql(UPDATE, { id, input: { name: "Lost edit" }, at: read }, editor);
    expect(stale).toEqual(conflict("place", "updatePlace", current, read));
    expect(await snapshot()).toEqual(before);

    const again = await server.graphql(UPDATE, { id, input: { name: "Second edit" }, at: current }, editor);
    expect(again.body.data).toEqual({ updatePlace: { name: "Second edit", updatedAt: expect.any(String) } });
  });

  test("without expectedUpdatedAt an update is applied as before", async () => {
    const { id } = await newPlace();
    const response = await server.graphql(UPDATE, { id, input: { name: "Unconditional" } }, editor);
    expect(response.body.data).toEqual({ updatePlace: { name: "Unconditional", updatedAt: expect.any(String) } });
  });

  test("a delete with a stale updatedAt is CONFLICT and deletes nothing; with the current one it deletes", async () => {
    const { id, updatedAt: read } = await newPlace();
    const changed = await server.graphql<{ updatePlace: { updatedAt: string } }>(UPDATE, { id, input: { name: "Changed" } }, editor);
    const current = changed.body.data!.updatePlace.updatedAt;

    const before = await snapshot();
    expect(await server.graphql(DELETE, { id, at: read }, editor)).toEqual(conflict("place", "deletePlace", current, read));
    expect(await snapshot()).toEqual(before);

    const deleted = await server.graphql(DELETE, { id, at: current }, editor);
    expect(deleted).toEqual({
      status: 200,
      body: {
        data: { deletePlace: { id, removed: [{ table: "place", id }] } }
      },
    });
  });

  test("a precondition on a row that does not exist is NOT_FOUND", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const response = await server.graphql(DELETE, { id: missing, at: "2026-01-01T00:00:00.000Z" }, editor);
    expect(response.body.errors).toEqual([
      {
        message: `There is no place with id "${missing}".`,
        locations: expect.any(Array),
        path: ["deletePlace"],
        extensions: { code: "NOT_FOUND" },
      },
    ]);
  });

  test("two updates sent at once with the same updatedAt: exactly one is applied", async () => {
    for (let round = 0; round < 5; round++) {
      const { id, updatedAt: read } = await newPlace();
      const responses = await Promise.all(
        ["Edit A", "Edit B"].map((name) => server.graphql<{ updatePlace: { name: string } }>(UPDATE, { id, input: { name }, at: read }, editor)),
      );
      const applied = responses.filter((r) => r.status === 200 && !r.body.errors);
      const refused = responses.filter((r) => r.body.errors?.[0]?.extensions?.code === "CONFLICT");
      expect([applied.length, refused.length]).toEqual([1, 1]);
      const { body } = await server.graphql<{ place: { name: string } }>(`query ($id: ID!) { place(id: $id) { name } }`, { id });
      expect(body.data!.place.name).toBe(applied[0].body.data!.updatePlace.name);
    }
  });

  test("an update and a delete sent at once with the same updatedAt: exactly one is applied", async () => {
    for (let round = 0; round < 5; round++) {
      const { id, updatedAt: read } = await newPlace();
      const [update, remove] = await Promise.all([
        server.graphql(UPDATE, { id, input: { name: "Edit" }, at: read }, editor),
        server.graphql(DELETE, { id, at: read }, editor),
      ]);
      // The loser is told why: the update finds the place gone, the delete finds it changed.
      const codes = [update, remove].map((r) => (r.body.errors ? r.body.errors[0].extensions!.code : "OK"));
      expect([["OK", "CONFLICT"], ["NOT_FOUND", "OK"]]).toContainEqual(codes);
    }
  });
});
