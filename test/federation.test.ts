// newsgraph as a Federation 2 subgraph: what a router reads from it (`_service`), how it
// resolves entity references (`_entities`: batched, unknown ids null, bad input reported per
// entity), and a real composition with a second subgraph served through Apollo Gateway and
// Hive Gateway (test/support/gateways.ts).
import { composeServices } from "@apollo/composition";
import fs from "node:fs";
import path from "node:path";
import { Kind, parse, print } from "graphql";
import { bearer } from "./support/tokens";
import { startGateway, type RunningGateway } from "./support/gateways";
import { ANALYSIS_SDL, type AnalysisSubgraph, startAnalysisSubgraph } from "./support/analysis-subgraph";
import { type GraphQLResponse, startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
/** Ids the seed gave the rows these tests refer to (ids are generated; slugs and codes are not). */
let ids: {
  naqura: string;
  jerusalem: string;
  simonKaram: string;
  morganOrtagus: string;
  lebanon: string;
};

beforeAll(async () => {
  server = await startTestServer();
  const { body } = await server.graphql<Record<string, { id: string }>>(`{
    naqura: meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { id }
    jerusalem: meetingBySlug(slug: "ortagus-jerusalem-visit-2025") { id }
    simonKaram: personBySlug(slug: "simon-karam") { id }
    morganOrtagus: personBySlug(slug: "morgan-ortagus") { id }
    lebanon: countryByCode(code: "LB") { id }
  }`);
  expect(body.errors).toBeUndefined();
  ids = Object.fromEntries(Object.entries(body.data!).map(([name, row]) => [name, row.id])) as typeof ids;
});
afterAll(() => server?.stop());

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Meeting { id slug }
    ... on Country { id code name }
    ... on Person { id slug name }
  }
}`;

/** Posts `_entities`; errors come back in completion order, so they are sorted by path. */
async function resolveEntities(representations: unknown[]): Promise<GraphQLResponse["body"]> {
  const { status, body } = await server.graphql(ENTITIES, { representations });
  expect(status).toBe(200);
  body.errors?.sort((a, b) => Number(a.path?.[1]) - Number(b.path?.[1]));
  return body;
}

describe("_service", () => {
  test("links Federation v2.4 and declares every entity's keys", async () => {
    const { body } = await server.graphql<{ _service: { sdl: string } }>("{ _service { sdl } }");
    expect(body.errors).toBeUndefined();
    const sdl = parse(body.data!._service.sdl);

    const links = sdl.definitions.flatMap((definition) =>
      definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION
        ? (definition.directives ?? []).map((directive) => print(directive))
        : [],
    );
    expect(links).toEqual([
      '@link(url: "https://specs.apollo.dev/link/v1.0")',
      '@link(url: "https://specs.apollo.dev/federation/v2.4", import: ["@key"])',
    ]);

    const keys = Object.fromEntries(
      sdl.definitions.flatMap((definition) => {
        if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return [];
        const fields = (definition.directives ?? [])
          .filter((directive) => directive.name.value === "key")
          .map((directive) => print(directive.arguments![0].value));
        return fields.length ? [[definition.name.value, fields]] : [];
      }),
    );
    expect(keys).toEqual({
      Agreement: ['"id"'],
      Article: ['"id"'],
      Ceasefire: ['"id"'],
      Country: ['"id"', '"code"'],
      Delegation: ['"id"'],
      DelegationMember: ['"id"'],
      Meeting: ['"id"'],
      Organization: ['"id"'],
      Person: ['"id"'],
      PersonRole: ['"id"'],
      Place: ['"id"'],
      Plan: ['"id"'],
      ReportedFigure: ['"id"'],
      Statement: ['"id"'],
      Term: ['"id"'],
      Vote: ['"id"'],
    });
  });
});

describe("_entities", () => {
  test("100 Meeting representations are read with one SQL statement; unknown ids are null", async () => {
    const naqura = { __typename: "Meeting", id: ids.naqura, slug: "naqura-civilian-talks-2025-12-03" };
    const jerusalem = { __typename: "Meeting", id: ids.jerusalem, slug: "ortagus-jerusalem-visit-2025" };
    // Known ids repeated, well-formed ids of no meeting, an id of another type, and non-UUIDs.
    const cases: ((i: number) => [representation: object, expected: object | null])[] = [
      () => [{ __typename: "Meeting", id: ids.naqura }, naqura],
      () => [{ __typename: "Meeting", id: ids.jerusalem }, jerusalem],
      (i) => [{ __typename: "Meeting", id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` }, null],
      () => [{ __typename: "Meeting", id: ids.lebanon }, null],
      (i) => [{ __typename: "Meeting", id: `meeting-${i}` }, null],
    ];
    const pairs = Array.from({ length: 100 }, (_, i) => cases[i % cases.length](i));

    expect(await resolveEntities(pairs.map(([representation]) => representation))).toEqual({
      data: { _entities: pairs.map(([, expected]) => expected) },
      extensions: { sqlStatements: 1 },
    });
  });

  test("a Country is found by its ISO code as well as by id; one statement per type and key", async () => {
    expect(
      await resolveEntities([
        { __typename: "Country", code: "LB" },
        { __typename: "Person", id: ids.simonKaram },
        { __typename: "Country", id: ids.lebanon },
        { __typename: "Country", code: "lb" },
        { __typename: "Country", code: "XX" },
        { __typename: "Person", id: ids.morganOrtagus },
      ]),
    ).toEqual({
      data: {
        _entities: [
          { __typename: "Country", id: ids.lebanon, code: "LB", name: "Lebanon" },
          { __typename: "Person", id: ids.simonKaram, slug: "simon-karam", name: "Simon Karam" },
          { __typename: "Country", id: ids.lebanon, code: "LB", name: "Lebanon" },
          { __typename: "Country", id: ids.lebanon, code: "LB", name: "Lebanon" },
          null,
          { __typename: "Person", id: ids.morganOrtagus, slug: "morgan-ortagus", name: "Morgan Ortagus" },
        ],
      },
      // Country by code, Country by id, Person by id.
      extensions: { sqlStatements: 3 },
    });
  });

  test("a malformed representation is a BAD_USER_INPUT error for that entity alone", async () => {
    const entityTypes =
      "Agreement, Article, Ceasefire, Country, Delegation, DelegationMember, Meeting, Organization, Person, PersonRole, Place, Plan, ReportedFigure, Statement, Term, Vote";
    const error = (index: number, message: string) => ({
      message,
      locations: [{ line: 2, column: 3 }],
      path: ["_entities", index],
      extensions: { code: "BAD_USER_INPUT", field: "representations" },
    });

    expect(
      await resolveEntities([
        { __typename: "Meeting", id: ids.naqura },
        { __typename: "Meeting", slug: "naqura-civilian-talks-2025-12-03" },
        { __typename: "Meeting", id: 42 },
        { __typename: "Country", id: null, code: "LB" },
        { __typename: "Country" },
        { __typename: "Galaxy", id: ids.naqura },
        "LB",
        { __typename: "Country", code: "LB" },
      ]),
    ).toEqual({
      errors: [
        error(1, "A Meeting representation needs one of its keys: `id`."),
        error(2, "The `id` of a Meeting representation must be a string, not number."),
        error(3, "The `id` of a Country representation must be a string, not null."),
        error(4, "A Country representation needs one of its keys: `id` or `code`."),
        error(5, `"Galaxy" is not an entity type of newsgraph; expected one of ${entityTypes}.`),
        error(6, `A representation must be an object whose \`__typename\` is one of ${entityTypes}.`),
      ],
      data: {
        _entities: [
          { __typename: "Meeting", id: ids.naqura, slug: "naqura-civilian-talks-2025-12-03" },
          null,
          null,
          null,
          null,
          null,
          null,
          { __typename: "Country", id: ids.lebanon, code: "LB", name: "Lebanon" },
        ],
      },
      extensions: { sqlStatements: 2 },
    });
  });
});

// The same queries and the same failures through both gateways, over HTTP as a client sends
// them: what newsgraph answers (data, and errors with their code, message and path) must reach
// the client unchanged. It can only because newsgraph answers GraphQL errors with 200 for
// `application/json` (src/server/response-status.ts): on a 4xx, Apollo Gateway replaces them
// with its own "400: Bad Request" and INTERNAL_SERVER_ERROR.
describe.each(["Apollo Gateway", "Hive Gateway"] as const)("composed with another subgraph behind %s", (gatewayName) => {
  let analysis: AnalysisSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    // It has analysed the Naqura talks only, not the Jerusalem visit.
    analysis = await startAnalysisSubgraph([
      {
        meetingId: ids.naqura,
        tension: 4,
        assessment: "A cautious first step: civilians at the table, the military file left aside.",
        writtenOn: "2025-12-05",
        keyPersonIds: [ids.simonKaram, ids.morganOrtagus],
        countryCodes: ["LB", "IL"],
      },
    ]);

    // Composed from what newsgraph serves, as a router's introspection would see it.
    const { body } = await server.graphql<{ _service: { sdl: string } }>("{ _service { sdl } }");
    const subgraphs = (newsgraphSdl: string) => [
      { name: "newsgraph", typeDefs: parse(newsgraphSdl), url: `${server.url}/graphql` },
      { name: "analysis", typeDefs: parse(ANALYSIS_SDL), url: analysis.url },
    ];
    const composed = composeServices(subgraphs(body.data!._service.sdl));
    expect(composed.errors).toBeUndefined();
    expect(composed.hints?.map(String)).toEqual([]);

    // rover composes from the committed file (docs/supergraph.example.yaml): same supergraph.
    const committed = fs.readFileSync(path.join(__dirname, "..", "schema", "subgraph.graphql"), "utf8");
    expect(composeServices(subgraphs(committed)).supergraphSdl).toBe(composed.supergraphSdl);

    gateway = await startGateway(gatewayName, composed.supergraphSdl!);
  });
  afterAll(async () => {
    await gateway?.stop();
    await analysis?.stop();
  });

  /** POSTs to the gateway as a client would; the status is part of what the client sees. */
  async function query(source: string, headers: Record<string, string> = {}) {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify({ query: source }),
    });
    return { status: response.status, body: await response.json() };
  }

  test("newsgraph's Meeting gets the analysis service's fields, one of them @requires its date, and references back to newsgraph", async () => {
    expect(
      await query(`{
        meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") {
          title
          date
          daysToAnalysis
          analysis {
            tension
            assessment
            keyPeople { name nationality { code } }
            countries { code name }
          }
        }
      }`),
    ).toEqual({
      status: 200,
      body: {
        data: {
          meetingBySlug: {
            title: "First direct civilian talks between Lebanon and Israel in decades",
            date: "2025-12-03",
            daysToAnalysis: 2,
            analysis: {
              tension: 4,
              assessment: "A cautious first step: civilians at the table, the military file left aside.",
              keyPeople: [
                { name: "Simon Karam", nationality: { code: "LB" } },
                { name: "Morgan Ortagus", nationality: { code: "US" } },
              ],
              // Joined on the natural key: the analysis service knows countries only by ISO code.
              countries: [
                { code: "LB", name: "Lebanon" },
                { code: "IL", name: "Israel" },
              ],
            },
          },
        },
      },
    });
  });

  test("a meeting the analysis service does not know has no analysis", async () => {
    expect(
      await query(`{
        naqura: meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { title analysis { tension } daysToAnalysis }
        jerusalem: meetingBySlug(slug: "ortagus-jerusalem-visit-2025") { title analysis { tension } daysToAnalysis }
      }`),
    ).toEqual({
      status: 200,
      body: {
        data: {
          naqura: { title: "First direct civilian talks between Lebanon and Israel in decades", analysis: { tension: 4 }, daysToAnalysis: 2 },
          jerusalem: { title: "US envoy Morgan Ortagus meets Israeli leaders in Jerusalem", analysis: null, daysToAnalysis: null },
        },
      },
    });
  });

  test("the analysis service's root field returns newsgraph's meetings, people and countries", async () => {
    expect(
      await query(`{
        topAnalyses {
          tension
          meeting { slug title mediator { name } mediatingCountry { code } }
          keyPeople { slug name }
          countries { code name }
        }
      }`),
    ).toEqual({
      status: 200,
      body: {
        data: {
          topAnalyses: [
            {
              tension: 4,
              meeting: {
                slug: "naqura-civilian-talks-2025-12-03",
                title: "First direct civilian talks between Lebanon and Israel in decades",
                mediator: { name: "Morgan Ortagus" },
                mediatingCountry: { code: "US" },
              },
              keyPeople: [
                { slug: "simon-karam", name: "Simon Karam" },
                { slug: "morgan-ortagus", name: "Morgan Ortagus" },
              ],
              countries: [
                { code: "LB", name: "Lebanon" },
                { code: "IL", name: "Israel" },
              ],
            },
          ],
        },
      },
    });
  });

  describe("newsgraph's errors reach the client with their code, message and path", () => {
    const CREATE_JORDAN = 'mutation { createCountry(input: { code: "JO", name: "Jordan" }) { code } }';
    const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    /** An error as newsgraph made it; both gateways add the subgraph's name. */
    const error = (message: string, path: (string | number)[] | undefined, extensions: Record<string, unknown>) => ({
      message,
      ...(path ? { path } : {}),
      extensions: { ...extensions, serviceName: "newsgraph" },
    });
    // Hive Gateway (2.12) gives an error that has no path of its own (a refusal of the whole
    // subgraph request) the path of the root field it was fetching; Apollo Gateway leaves it out.
    const hivePath = (path: (string | number)[]) => (gatewayName === "Hive Gateway" ? path : undefined);

    const cases: { name: string; query: string; headers?: () => Promise<Record<string, string>>; expected: object }[] = [
      {
        name: "a mutation without a token",
        query: CREATE_JORDAN,
        expected: { errors: [error("This operation needs a bearer token.", ["createCountry"], { code: "UNAUTHENTICATED" })], data: null },
      },
      {
        name: "a mutation with a reader's token",
        query: CREATE_JORDAN,
        headers: () => bearer({ roles: ["reader"] }),
        expected: { errors: [error("This operation needs the role(s): editor.", ["createCountry"], { code: "FORBIDDEN" })], data: null },
      },
      {
        name: "a read with a token that is not a bearer JWT",
        query: '{ meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { title analysis { tension } } }',
        headers: async () => ({ authorization: "Bearer nope" }),
        expected: {
          errors: [error("The Authorization header must be `Bearer <JWT>`.", hivePath(["meetingBySlug"]), { code: "UNAUTHENTICATED" })],
          data: { meetingBySlug: null },
        },
      },
      {
        name: "an update of a country that does not exist",
        query: `mutation { updateCountry(id: "${UNKNOWN_ID}", input: { name: "Nowhere" }) { code } }`,
        headers: () => bearer(),
        expected: { errors: [error(`There is no country with id "${UNKNOWN_ID}".`, ["updateCountry"], { code: "NOT_FOUND" })], data: null },
      },
      {
        name: "an argument out of range",
        query: "{ people(first: -1) { totalCount } }",
        expected: { errors: [error("`first` must not be negative.", ["people"], { code: "BAD_USER_INPUT", field: "first" })], data: null },
      },
      {
        name: "an argument out of range in newsgraph's part of the analysis service's answer (an entity fetch)",
        query: "{ topAnalyses { meeting { title delegations(first: -1) { totalCount } } } }",
        expected: {
          errors: [
            error(
              "`first` must not be negative.",
              // Hive Gateway points at the first field newsgraph was asked for in that entity.
              ["topAnalyses", 0, "meeting", gatewayName === "Hive Gateway" ? "title" : "delegations"],
              { code: "BAD_USER_INPUT", field: "first" },
            ),
          ],
          data: null,
        },
      },
      {
        name: "a query over the cost limit",
        query: `{ meetings(first: 100) { edges { node { delegations(first: 100) { edges { node {
          members(first: 100) { edges { node { person { name } } } } } } } } } } }`,
        expected: {
          errors: [
            error("Query cost 2020201 exceeds the maximum of 500000.", hivePath(["meetings"]), {
              code: "QUERY_TOO_COSTLY",
              maximum: 500_000,
              actual: 2_020_201,
            }),
          ],
          data: null,
        },
      },
    ];

    test.each(cases)("$name", async ({ query: source, headers, expected }) => {
      expect(await query(source, await headers?.())).toEqual({ status: 200, body: expected });
    });

    test("and the refused mutations wrote nothing", async () => {
      expect(await query('{ countryByCode(code: "JO") { name } }')).toEqual({ status: 200, body: { data: { countryByCode: null } } });
    });
  });
});
