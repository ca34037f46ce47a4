// What clients see when they introspect: the API of schema/schema.graphql, without the federation
// machinery (`_service`, `_entities`, `_Any`, `link__*`, `federation__*`...). A router, which sends
// the shared secret, sees the whole subgraph schema; the machinery itself keeps working for all.
import fs from "node:fs";
import path from "node:path";
import { buildClientSchema, buildSchema, getIntrospectionQuery, type IntrospectionQuery, lexicographicSortSchema, printSchema } from "graphql";
import { buildNewsgraphSubgraphSchema } from "../src/schema/federation/subgraph";
import { startTestServer, type TestServer } from "./support/test-server";

const ROUTER_SECRET = "router-secret-of-at-least-32-characters!";
const AS_ROUTER = { "x-newsgraph-router-secret": ROUTER_SECRET };
/** What Playground and code generators ask (graphql-js leaves these two out by default). */
const INTROSPECTION_OPTIONS = { specifiedByUrl: true, directiveIsRepeatable: true };
const committedSchema = fs.readFileSync(path.join(__dirname, "..", "schema", "schema.graphql"), "utf8");

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ server: { federationSdlSecret: ROUTER_SECRET } });
});
afterAll(() => server?.stop());

/** The schema an introspection over HTTP describes, printed as the committed SDL is. */
async function introspectedSdl(headers?: Record<string, string>): Promise<string> {
  const { status, body } = await server.graphql<IntrospectionQuery>(getIntrospectionQuery(INTROSPECTION_OPTIONS), undefined, headers);
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return `${printSchema(lexicographicSortSchema(buildClientSchema(body.data!)))}\n`;
}

test("a client's introspection describes exactly schema/schema.graphql", async () => {
  expect(await introspectedSdl()).toBe(committedSchema);
  expect(await introspectedSdl({ "x-newsgraph-router-secret": "not the secret" })).toBe(committedSchema);
});

test("a router's introspection describes the whole subgraph schema, federation machinery included", async () => {
  const sdl = await introspectedSdl(AS_ROUTER);
  expect(sdl).toBe(`${printSchema(lexicographicSortSchema(await buildNewsgraphSubgraphSchema()))}\n`);
  const { body } = await server.graphql(
    `{ __schema { types { name } directives { name } } __type(name: "Query") { fields { name } } }`,
    undefined,
    AS_ROUTER,
  );
  const data = body.data as { __schema: { types: { name: string }[]; directives: { name: string }[] }; __type: { fields: { name: string }[] } };
  const client = buildSchema(committedSchema);
  expect({
    types: data.__schema.types.map((type) => type.name).filter((name) => !client.getType(name)).sort(),
    directives: data.__schema.directives.map((directive) => directive.name).filter((name) => !client.getDirective(name)).sort(),
    queryFields: data.__type.fields.map((field) => field.name).filter((name) => !client.getQueryType()!.getFields()[name]).sort(),
  }).toEqual({
    types: ["_Any", "_Entity", "_Service", "federation__FieldSet", "link__Import", "link__Purpose"],
    directives: [
      "federation__composeDirective",
      "federation__extends",
      "federation__external",
      "federation__inaccessible",
      "federation__interfaceObject",
      "federation__override",
      "federation__provides",
      "federation__requires",
      "federation__shareable",
      "federation__tag",
      "key",
      "link",
    ],
    queryFields: ["_entities", "_service"],
  });
});

test("types and fields looked up by name are hidden alike, also beside data in one operation", async () => {
  const query = `{
    any: __type(name: "_Any") { name }
    query: __type(name: "Query") { fields { name } }
    meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { slug }
  }`;
  const { status, body } = await server.graphql(query);
  const queryFields = ((body.data?.query as { fields: { name: string }[] }).fields ?? []).map((field) => field.name);
  expect({ status, any: body.data?.any, federationFields: queryFields.filter((name) => name.startsWith("_")), meeting: body.data?.meetingBySlug }).toEqual({
    status: 200,
    any: null,
    federationFields: [],
    meeting: { slug: "naqura-civilian-talks-2025-12-03" },
  });
  const asRouter = await server.graphql(`{ __type(name: "_Any") { name kind } }`, undefined, AS_ROUTER);
  expect(asRouter.body).toEqual({ data: { __type: { name: "_Any", kind: "SCALAR" } }, extensions: { sqlStatements: 0 } });
});

test("the machinery still answers everyone: _service and _entities are hidden, not removed", async () => {
  const { status, body } = await server.graphql(
    `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { name } } _service { sdl } }`,
    { representations: [{ __typename: "Country", code: "LB" }] },
  );
  expect({ status, entities: body.data?._entities, hasSdl: typeof (body.data?._service as { sdl?: unknown })?.sdl }).toEqual({
    status: 200,
    entities: [{ name: "Lebanon" }],
    hasSdl: "string",
  });
});
