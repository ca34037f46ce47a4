// No request within the body limit, however it is built, may keep the event loop busy: hostile
// documents (fragment fan-out in several shapes, the schema asked for many times) are refused
// before Apollo parses, validates or compiles them, and the largest documents the limits allow
// are answered, while the event loop's delay and the latency of a concurrent plain query are
// measured. Then the built server, in production mode, is sent the same and still stops on
// SIGTERM. Every refusal is checked whole, and nothing in the database changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { getIntrospectionQuery } from "graphql";
import { LIMIT_DEFAULTS } from "../src/config";
import { snapshotTables, type TableSnapshot } from "./support/database-snapshot";
import { type RawRequest, type RawResponse, rawRequest } from "./support/raw-http";
import { startServerProcess } from "./support/server-process";
import { createTestDatabase } from "./support/test-database";
import { startProductionServer } from "./support/production-server";
import type { TestServer } from "./support/test-server";

const MAX_SELECTIONS = LIMIT_DEFAULTS.maxSelections;
const NAQURA = `"naqura-civilian-talks-2025-12-03"`;

/** Fragments F1..F{levels}, each spreading the one below `width` times, over `leaf` on `type`; `root` selects the top one. */
function fanOut(options: { levels: number; width?: number; leaf: string; type?: string; root?: (top: string) => string; inline?: boolean }) {
  const { levels, width = 2, leaf, type = "Meeting", inline = false } = options;
  const root = options.root ?? ((top: string) => `{ meetings(first: 1) { edges { node { ...${top} } } } }`);
  const fragments = [`fragment F0 on ${type} { ${leaf} }`];
  for (let level = 1; level <= levels; level += 1) {
    const spread = inline ? `... on ${type} { ...F${level - 1} }` : `...F${level - 1}`;
    fragments.push(`fragment F${level} on ${type} { ${Array.from({ length: width }, () => spread).join(" ")} }`);
  }
  return `${root(`F${levels}`)}\n${fragments.join("\n")}`;
}

const gql = (query: string, extra: Record<string, unknown> = {}): RawRequest => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query, ...extra }),
});

const refused = (code: string, maximum: number, actual: number | undefined, noun: string) => ({
  status: 200,
  json: {
    errors: [
      {
        message: `${noun}${actual === undefined ? "" : ` ${actual}`} exceeds the maximum of ${maximum}.`,
        extensions: { code, maximum, ...(actual === undefined ? {} : { actual }) },
      },
    ],
  },
});
const tooManySelections = (actual: number | undefined) =>
  refused("TOO_MANY_SELECTIONS", MAX_SELECTIONS, actual, "Expanded field count");
const tooManySchemaRequests = (actual: number) =>
  refused("TOO_MANY_SCHEMA_REQUESTS", 1, actual, "Schema request count (`__schema`, `_service`)");

/** Hostile documents and the exact refusal each gets. Every one is within the body and token limits. */
const HOSTILE: [string, RawRequest, { status: number; json: unknown }][] = [
  ["fan-out of 40 levels (2 KB)", gql(fanOut({ levels: 40, leaf: "title" })), tooManySelections(2 ** 40 + 3)],
  ["the same with a space added", gql(` ${fanOut({ levels: 40, leaf: "title" })}`), tooManySelections(2 ** 40 + 3)],
  ["fan-out of 3 spreads a level", gql(fanOut({ levels: 26, width: 3, leaf: "title" })), tooManySelections(3 ** 26 + 3)],
  ["fan-out through inline fragments", gql(fanOut({ levels: 30, leaf: "title", inline: true })), tooManySelections(2 ** 30 + 3)],
  [
    "fan-out of nested relations",
    gql(fanOut({ levels: 24, leaf: "place { name country { name } } delegations { edges { node { leader { name } } } }" })),
    tooManySelections(2 ** 24 * 9 + 3),
  ],
  ["fan-out on the root type", gql(fanOut({ levels: 40, leaf: "__typename", type: "Query", root: (top) => `{ ...${top} }` })), tooManySelections(2 ** 40)],
  ["fan-out past 2^53 (no exact count)", gql(fanOut({ levels: 60, leaf: "title" })), tooManySelections(undefined)],
  [
    "fan-out in an operation that is not run",
    gql(fanOut({ levels: 40, leaf: "title", root: (top) => `query Small { __typename } query Big { meetings { edges { node { ...${top} } } } }` }), {
      operationName: "Small",
    }),
    tooManySelections(2 ** 40 + 3),
  ],
  [
    "fan-out over GET",
    {
      method: "GET",
      path: `/graphql?${new URLSearchParams({ query: fanOut({ levels: 40, leaf: "title" }) })}`,
      headers: { "apollo-require-preflight": "true" },
    },
    tooManySelections(2 ** 40 + 3),
  ],
  [
    "a wide selection at the limit, more than graphql-js compares",
    gql(`{ meetings(first: 1) { edges { node { ${"title ".repeat(MAX_SELECTIONS - 3)}} } } }`),
    { status: 200, json: { errors: [{ message: "Validation aborted.", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] } },
  ],
  ["the largest same-name selection the tokens allow", gql(`{ meetings(first: 1) { edges { node { ${"title ".repeat(2_980)}} } } }`), tooManySelections(2_983)],
  [
    "29 aliased introspections through one fragment",
    gql(`{ ${Array.from({ length: 29 }, (_, i) => `s${i}: __schema { ...S }`).join(" ")} } fragment S on __Schema { types { name fields { name } } }`),
    tooManySchemaRequests(29),
  ],
  ["29 aliased SDL requests", gql(`{ ${Array.from({ length: 29 }, (_, i) => `s${i}: _service { sdl }`).join(" ")} }`), tooManySchemaRequests(29)],
  ["the schema twice through a fragment", gql(`{ ...S ...S } fragment S on Query { __schema { queryType { name } } }`), tooManySchemaRequests(2)],
  ["introspection and SDL in one document", gql(`{ __schema { queryType { name } } _service { sdl } }`), tooManySchemaRequests(2)],
];

/** The largest documents the limits allow: each must be answered, without errors. */
const ALLOWED: [string, RawRequest][] = [
  ["the full introspection query", gql(getIntrospectionQuery({ descriptions: true }))],
  ["a fan-out just under the selection limit", gql(fanOut({ levels: 10, leaf: "title" }))],
  [
    "a fan-out of nested relations under the limit",
    gql(fanOut({ levels: 7, leaf: "place { name country { name } } delegations { edges { node { leader { name } } } }" })),
  ],
  // graphql-js's own budget for comparing same-named fields stops validation between 700 and 800 of them.
  ["a wide selection graphql-js still validates", gql(`{ meetings(first: 1) { edges { node { ${"title ".repeat(700)}} } } }`)],
  ["the SDL once", gql(`{ _service { sdl } }`)],
];

let server: TestServer;
let before: TableSnapshot;
beforeAll(async () => {
  // Production mode, with introspection turned on explicitly: the most a deployment exposes.
  server = await startProductionServer({ INTROSPECTION_ENABLED: "true" });
  before = await snapshotTables(server.database);
});
afterAll(() => server?.stop());

test("hostile documents are refused before any expensive step while the event loop and a plain query stay responsive", async () => {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const probeLatencies: number[] = [];
  let hostileDone = false;
  // A client reading one meeting over and over while the hostile requests arrive.
  const probe = (async () => {
    while (!hostileDone) {
      const started = performance.now();
      const { status, body } = await server.graphql(`{ meetingBySlug(slug: ${NAQURA}) { title } }`);
      probeLatencies.push(performance.now() - started);
      expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();

  delay.enable();
  const answers: [string, RawResponse][] = [];
  // Three rounds of everything, five at a time: the refusals are not a cache's doing.
  const requests = [...HOSTILE, ...HOSTILE, ...HOSTILE].map(([name, request]) => [name, request] as const);
  for (let i = 0; i < requests.length; i += 5) {
    const batch = requests.slice(i, i + 5);
    answers.push(...(await Promise.all(batch.map(async ([name, request]) => [name, await rawRequest(server.url, request)] as [string, RawResponse]))));
  }
  const allowed: [string, RawResponse][] = [];
  for (const [name, request] of ALLOWED) allowed.push([name, await rawRequest(server.url, request)]);
  hostileDone = true;
  await probe;
  delay.disable();

  const expected = new Map(HOSTILE.map(([name, , answer]) => [name, answer]));
  for (const [name, answer] of answers) {
    expect({ name, status: answer.status, json: answer.json }).toEqual({ name, ...expected.get(name) });
  }
  for (const [name, answer] of allowed) {
    const { errors } = answer.json as { errors?: unknown };
    expect({ name, status: answer.status, errors }).toEqual({ name, status: 200, errors: undefined });
  }

  // Bounds far above what the server needs (a few tens of milliseconds) and far below what a
  // compiled fan-out took (seconds to forever): a shared CI machine is noisy.
  const maxDelayMs = delay.max / 1e6;
  const maxProbeMs = Math.max(...probeLatencies);
  expect({ maxDelayMs: maxDelayMs < 1_000, maxProbeMs: maxProbeMs < 2_000, probes: probeLatencies.length > 0 }).toEqual({
    maxDelayMs: true,
    maxProbeMs: true,
    probes: true,
  });

  // Still serving, and nothing was written.
  expect(await server.graphql(`{ meetingBySlug(slug: ${NAQURA}) { title } }`)).toEqual({
    status: 200,
    body: { data: { meetingBySlug: { title: expect.any(String) } } },
  });
  expect(await snapshotTables(server.database)).toEqual(before);
});

test("a fragment cycle is refused by validation, not counted forever", async () => {
  const answer = await rawRequest(
    server.url,
    gql(`{ meetings { edges { node { ...A } } } } fragment A on Meeting { ...B ...B title } fragment B on Meeting { ...A ...A }`),
  );
  expect({ status: answer.status, codes: (answer.json as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code) }).toEqual({
    status: 200,
    codes: ["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_VALIDATION_FAILED"],
  });
});

test("the built server in production mode refuses a fan-out and still stops on SIGTERM", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-stall-"));
  const database = await createTestDatabase(path.join(dataDir, "pglite"));
  const served = await startServerProcess({ ...database.env, NODE_ENV: "production", SEED_ON_EMPTY: "true" });
  try {
    const hostile = await Promise.all(Array.from({ length: 5 }, () => rawRequest(served.url, gql(fanOut({ levels: 40, leaf: "title" })))));
    for (const answer of hostile) expect({ status: answer.status, json: answer.json }).toEqual(tooManySelections(2 ** 40 + 3));
    expect((await rawRequest(served.url, { method: "GET", path: "/health/live" })).status).toBe(200);

    served.child.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      served.exited,
      new Promise<"still running">((resolve) => (timer = setTimeout(() => resolve("still running"), 20_000))),
    ]);
    clearTimeout(timer);
    expect(exit).toMatchObject({ code: 0, signal: null });
  } finally {
    await served.kill();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
