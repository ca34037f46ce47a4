// Subscriptions over WebSocket (graphql-ws) at /graphql: events of what commits, with the
// subscription's selection; and every way a subscription is refused. On both databases.
import WebSocket from "ws";
import { startTestServer, type TestServer } from "./support/test-server";
import { subscriptionClient, type TestClient, waitForSubscriptions } from "./support/subscriptions";
import { bearer, signToken, TEST_JWT_SECRET } from "./support/tokens";

const RECORD = `mutation Record($document: JSONObject!) { recordArticle(document: $document) { facts } }`;

const ARTICLE_RECORDED = `subscription {
  articleRecorded {
    articleSlug firstRecording actor via
    changes { entityType action after }
    article { title publisher }
  }
}`;

function document(slug: string, title: string) {
  return {
    article: { slug, title, publisher: "Subscription Wire", publishedOn: "2026-03-01" },
    places: [{ slug: `${slug}-hall`, name: `Hall of ${slug}` }],
  };
}

let server: TestServer;
let editor: Record<string, string>;
const clients: TestClient[] = [];
const connect = (params?: Record<string, unknown>) => {
  const client = subscriptionClient(server.url, params);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startTestServer({ server: { subscriptions: { maxPerConnection: 2, keepAliveMs: 300 }, limits: { maxDepth: 8, maxBodyBytes: 4_096 } } });
  editor = await bearer({ subject: "alice@newsroom.example" });
}, 120_000);
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  // The next test starts with none open, so that waiting for its own means they are there.
  await waitForSubscriptions(server.url, 0);
});
afterAll(async () => {
  await server?.stop();
});

test("articleRecorded: an event per recording, with what it changed and the article as it is now", async () => {
  const subscription = connect().subscribe(ARTICLE_RECORDED);
  await waitForSubscriptions(server.url, 1);

  expect((await server.graphql(RECORD, { document: document("sub-first", "First report") }, editor)).body).toEqual({
    data: { recordArticle: { facts: 1 } },
    extensions: { sqlStatements: expect.any(Number) },
  });
  expect(await subscription.next()).toEqual({
    data: {
      articleRecorded: {
        articleSlug: "sub-first",
        firstRecording: true,
        actor: "alice@newsroom.example",
        via: "recordArticle",
        changes: [
          {
            entityType: "Article",
            action: "CREATED",
            after: { slug: "sub-first", title: "First report", publisher: "Subscription Wire", agency: null, url: null, publishedOn: "2026-03-01" },
          },
          { entityType: "Place", action: "CREATED", after: expect.objectContaining({ name: "Hall of sub-first" }) },
        ],
        article: { title: "First report", publisher: "Subscription Wire" },
      },
    },
    extensions: { sqlStatements: 1 },
  });

  // A new version of the article (same slug) corrects what it said: one event, not a first recording.
  const corrected = { ...document("sub-first", "First report"), places: [{ slug: "sub-first-hall", name: "Great Hall of sub-first" }] };
  await server.graphql(RECORD, { document: corrected }, editor);
  expect(await subscription.next()).toEqual({
    data: {
      articleRecorded: {
        articleSlug: "sub-first",
        firstRecording: false,
        actor: "alice@newsroom.example",
        via: "recordArticle",
        changes: [
          {
            entityType: "Place",
            action: "UPDATED",
            after: { name: "Great Hall of sub-first", claims: { name: "Great Hall of sub-first" } },
          },
        ],
        article: { title: "First report", publisher: "Subscription Wire" },
      },
    },
    extensions: { sqlStatements: 1 },
  });
  // Sending the same document again changes nothing, so there is nothing to tell.
  await server.graphql(RECORD, { document: corrected }, editor);
  await server.graphql(RECORD, { document: document("sub-second", "Second report") }, editor);
  expect((await subscription.next()).data).toEqual({ articleRecorded: expect.objectContaining({ articleSlug: "sub-second" }) });
  expect(subscription.pending).toEqual([]);
});

test("articleRecorded(slug:) hears only of that article", async () => {
  const subscription = connect().subscribe(`subscription { articleRecorded(slug: "sub-only-this") { articleSlug } }`);
  await waitForSubscriptions(server.url, 1);
  await server.graphql(RECORD, { document: document("sub-not-this", "Other") }, editor);
  await server.graphql(RECORD, { document: document("sub-only-this", "This") }, editor);
  // Nothing to read: the event carries the slug.
  expect(await subscription.next()).toEqual({ data: { articleRecorded: { articleSlug: "sub-only-this" } }, extensions: { sqlStatements: 0 } });
  expect(subscription.pending).toEqual([]);
});

test("entityChanged by natural key: the change, and the fact as it is now, read as the same query over HTTP reads it", async () => {
  const PERSON = `name roles { edges { node { title organization { name } } } }`;
  const subscription = connect().subscribe(`subscription {
    entityChanged(kind: PERSON, key: "morgan-ortagus") {
      change { entityType action before after via }
      entity { __typename ... on Person { ${PERSON} } }
      article { slug }
    }
  }`);
  await waitForSubscriptions(server.url, 1);
  const person = await server.graphql<{ personBySlug: { id: string } }>(`{ personBySlug(slug: "morgan-ortagus") { id } }`);
  const id = person.body.data!.personBySlug.id;
  await server.graphql(`mutation ($id: ID!) { updatePerson(id: $id, input: { name: "Morgan D. Ortagus" }) { name } }`, { id }, editor);
  const asQueried = await server.graphql<{ personBySlug: Record<string, unknown> }>(`{ personBySlug(slug: "morgan-ortagus") { ${PERSON} } }`);
  expect(await subscription.next()).toEqual({
    data: {
      entityChanged: {
        change: {
          entityType: "Person",
          action: "UPDATED",
          // The old name is kept as an alias.
          before: { name: "Morgan Ortagus", aliases: [] },
          after: { name: "Morgan D. Ortagus", aliases: ["Morgan Ortagus"] },
          via: "updatePerson",
        },
        entity: {
          __typename: "Person",
          name: "Morgan D. Ortagus",
          roles: { edges: [{ node: { title: "US Special Envoy for Lebanon", organization: null } }] },
        },
        article: null,
      },
    },
    // The fact and its relations cost what the same selection costs as a query.
    extensions: { sqlStatements: asQueried.body.extensions!.sqlStatements },
  });
  expect(asQueried.body.data!.personBySlug).toEqual({
    name: "Morgan D. Ortagus",
    roles: { edges: [{ node: { title: "US Special Envoy for Lebanon", organization: null } }] },
  });
});

describe("refused cleanly", () => {
  const errorsOf = async (client: TestClient, query: string) => (await client.subscribe(query).ended).error;

  test("a query or a mutation: they are served over HTTP", async () => {
    expect(await errorsOf(connect(), `{ countries { totalCount } }`)).toEqual([
      { message: "Over WebSocket newsgraph serves subscriptions only; send queries over HTTP.", extensions: { code: "BAD_REQUEST" } },
    ]);
  });

  test("over the operation limits of HTTP requests", async () => {
    const deep = `subscription { entityChanged(kind: COUNTRY, key: "LB") { entity { ... on Country { people { edges { node { roles { edges { node { organization { name } } } } } } } } } } }`;
    expect(await errorsOf(connect(), deep)).toEqual([
      { message: "Query depth 10 exceeds the maximum of 8.", extensions: { code: "QUERY_TOO_DEEP", maximum: 8, actual: 10 } },
    ]);
  });

  test("invalid documents and arguments", async () => {
    const client = connect();
    expect(await errorsOf(client, `subscription { articleRecorded { nope } }`)).toEqual([
      expect.objectContaining({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
    ]);
    // What to follow is looked up when subscribing: graphql-ws sends such errors as the only result.
    const unknown = client.subscribe(`subscription { entityChanged(kind: PERSON, key: "nobody-at-all") { change { id } } }`);
    expect(await unknown.next()).toEqual({
      errors: [
        {
          message: 'There is no person with id "nobody-at-all".',
          locations: [{ line: 1, column: 16 }],
          path: ["entityChanged"],
          extensions: { code: "NOT_FOUND" },
        },
      ],
    });
    expect(await unknown.ended).toEqual({});
    const unnamed = client.subscribe(`subscription { entityChanged { change { id } } }`);
    expect(await unnamed.next()).toEqual({
      errors: [
        {
          message: "Give the entity's `id`, or its `kind` and `key` (slug, or ISO code for a country).",
          locations: [{ line: 1, column: 16 }],
          path: ["entityChanged"],
          extensions: { code: "BAD_USER_INPUT", field: "id" },
        },
      ],
    });
  });

  test("more subscriptions on one connection than allowed", async () => {
    const client = connect();
    const open = [client.subscribe(ARTICLE_RECORDED), client.subscribe(ARTICLE_RECORDED)];
    await waitForSubscriptions(server.url, 2);
    expect(await errorsOf(client, ARTICLE_RECORDED)).toEqual([
      { message: "A connection may have at most 2 subscriptions open.", extensions: { code: "TOO_MANY_SUBSCRIPTIONS" } },
    ]);
    expect(open.map((subscription) => subscription.pending)).toEqual([[], []]);
  });

  test("a subscription over HTTP", async () => {
    const response = await server.graphql(`subscription { articleRecorded { articleSlug } }`);
    expect(response).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: "Subscriptions are served over WebSocket at /graphql (the graphql-transport-ws protocol of graphql-ws), not over HTTP.",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
        extensions: { sqlStatements: 0 },
      },
    });
  });

  test("a bad token: the connection is closed with 4403 and the reason", async () => {
    const client = connect({ authorization: "Bearer not.a-valid.token" });
    expect(await client.closed).toEqual({ code: 4403, reason: "The token is not valid." });
    const expired = connect({ authorization: `Bearer ${await signToken({ expiresIn: -120 })}` });
    expect(await expired.closed).toEqual({ code: 4403, reason: "The token has expired." });
  });
});

describe("the connection", () => {
  /** A bare WebSocket to /graphql speaking `protocol`, and what it sees. */
  function socket(protocol = "graphql-transport-ws", options: WebSocket.ClientOptions = {}, path = "/graphql") {
    const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}${path}`, protocol, options);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: String(reason) })));
    const opened = new Promise<void>((resolve, reject) => {
      ws.on("open", resolve);
      ws.on("error", reject);
    });
    return { ws, closed, opened };
  }

  test("is pinged, and dropped when it does not answer", async () => {
    const answering = socket();
    let pings = 0;
    answering.ws.on("ping", () => pings++);
    await answering.opened;
    answering.ws.send(JSON.stringify({ type: "connection_init" }));
    const silent = socket("graphql-transport-ws", { autoPong: false });
    await silent.opened;
    silent.ws.send(JSON.stringify({ type: "connection_init" }));
    // The keep-alive is 300 ms here: unanswered, the connection goes within two intervals.
    expect(await silent.closed).toEqual({ code: 1006, reason: "" });
    expect(pings).toBeGreaterThan(0);
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    answering.ws.close();
  });

  test("another subprotocol (subscriptions-transport-ws's) is not accepted in the handshake", async () => {
    const legacy = socket("graphql-ws");
    await expect(legacy.opened).rejects.toThrow("Server sent no subprotocol");
  });

  test("a message over the body limit closes the connection with 1009", async () => {
    const large = socket();
    await large.opened;
    large.ws.send(JSON.stringify({ type: "connection_init", payload: { padding: "x".repeat(5_000) } }));
    expect(await large.closed).toEqual({ code: 1009, reason: "" });
  });

  test("no connection_init within the time allowed closes it with 4408", async () => {
    const idle = socket();
    expect(await idle.closed).toEqual({ code: 4408, reason: "Connection initialisation timeout" });
  });

  test("WebSocket upgrades elsewhere than /graphql are not found", async () => {
    const elsewhere = socket("graphql-transport-ws", {}, "/health/live");
    await expect(elsewhere.opened).rejects.toThrow("Unexpected server response: 404");
  });
});

describe("a connection whose token expires", () => {
  let strict: TestServer;
  beforeAll(async () => {
    strict = await startTestServer({ server: { auth: { jwtSecret: TEST_JWT_SECRET, requireTokenForReads: false, clockToleranceS: 0 } } });
  }, 120_000);
  afterAll(async () => strict?.stop());

  test("is closed with 4403 when the token does, its subscriptions with it", async () => {
    const client = subscriptionClient(strict.url, { authorization: `Bearer ${await signToken({ expiresIn: 2 })}` });
    clients.push(client);
    const subscription = client.subscribe(`subscription { articleRecorded { articleSlug } }`);
    await waitForSubscriptions(strict.url, 1);
    expect(await client.closed).toEqual({ code: 4403, reason: "The token has expired." });
    expect(await subscription.ended).toEqual({ error: expect.objectContaining({ code: 4403 }) });
    await waitForSubscriptions(strict.url, 0);
  });
});

describe("where reads need a token", () => {
  let guarded: TestServer;
  beforeAll(async () => {
    guarded = await startTestServer({ server: { auth: { jwtSecret: TEST_JWT_SECRET, requireTokenForReads: true } } });
  }, 120_000);
  afterAll(async () => guarded?.stop());

  test("an anonymous connection is refused, one with a token subscribes", async () => {
    const anonymous = subscriptionClient(guarded.url);
    clients.push(anonymous);
    expect(await anonymous.closed).toEqual({ code: 4403, reason: "This server needs a bearer token for every request." });

    const reader = subscriptionClient(guarded.url, { Authorization: `Bearer ${await signToken({ roles: [] })}` });
    // A router forwards its client's token on the upgrade request instead.
    const token = await signToken({ roles: [] });
    const routed = new WebSocket(`${guarded.url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws", { headers: { authorization: `Bearer ${token}` } });
    const acknowledged = new Promise((resolve) => routed.on("message", (data) => resolve(JSON.parse(String(data)))));
    routed.on("open", () => routed.send(JSON.stringify({ type: "connection_init" })));
    expect(await acknowledged).toEqual({ type: "connection_ack" });
    routed.close();
    clients.push(reader);
    const subscription = reader.subscribe(`subscription { articleRecorded { articleSlug } }`);
    await waitForSubscriptions(guarded.url, 1).catch(() => undefined);
    await guarded.graphql(RECORD, { document: document("sub-guarded", "Guarded") }, editor);
    expect(await subscription.next()).toEqual({ data: { articleRecorded: { articleSlug: "sub-guarded" } }, extensions: { sqlStatements: 0 } });
  });
});
