// Graceful shutdown of the built server process: on SIGTERM it stops accepting connections,
// lets the request in flight finish, closes the database and exits 0; a request that does not
// finish within SHUTDOWN_TIMEOUT_MS has its connection closed and the process still exits 0.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { startTcpProxy } from "./support/tcp-proxy";
import { createTestDatabase, databaseKind, serverUrl, type TestDatabase } from "./support/test-database";
import { waitFor } from "./support/wait";

let dataDir: string;
let database: TestDatabase;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-shutdown-"));
  database = await createTestDatabase(path.join(dataDir, "pglite"));
});
afterEach(async () => {
  await server?.kill();
  server = undefined;
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const start = (env: Record<string, string> = {}) =>
  startServerProcess({ ...database.env, SEED_ON_EMPTY: "true", LOG_LEVEL: "debug", ...env });

/**
 * Starts a POST /graphql whose body arrives in two parts: the request is in flight (headers
 * received, handler running) until `finish()` sends the rest.
 */
function startSlowRequest(url: string, requestId: string, query: string) {
  const body = JSON.stringify({ query });
  const half = Math.floor(body.length / 2);
  let request!: http.ClientRequest;
  const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    request = http.request(
      `${url}/graphql`,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-request-id": requestId },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        res.on("error", reject);
      },
    );
    request.on("error", reject);
    request.write(body.slice(0, half));
  });
  return { response, finish: () => request.end(body.slice(half)) };
}

/** Resolves once a new TCP connection to the server is refused. */
function connectionRefused(url: string): Promise<boolean> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

test("SIGTERM mid-request: no new connections, the request completes, the process exits 0", async () => {
  server = await start();
  const slow = startSlowRequest(server.url, "in-flight-1", `{ meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { title } }`);
  await server.waitForLog((line) => line.msg === "request received" && line.reqId === "in-flight-1");

  server.child.kill("SIGTERM");
  await server.waitForLog((line) => line.msg === "shutting down: finishing in-flight requests");
  await waitFor(() => connectionRefused(server!.url), "the listener to close");
  expect(server.child.exitCode).toBeNull(); // still serving the request in flight

  slow.finish();
  const response = await slow.response;
  expect({ status: response.status, body: JSON.parse(response.body) }).toEqual({
    status: 200,
    body: { data: { meetingBySlug: { title: expect.any(String) } } },
  });
  const exit = await server.exited;
  expect(exit).toEqual({ code: 0, signal: null, stderr: "" });
  expect(server.logs.map((line) => line.msg)).toEqual(
    expect.arrayContaining(["shutting down: finishing in-flight requests", "graphql request", "stopped"]),
  );
  const logged = server.logs.find((line) => line.msg === "graphql request" && line.reqId === "in-flight-1");
  expect(logged).toMatchObject({ status: 200, outcome: "ok" });
});

test("SIGTERM to `npm start` reaches the server, which stops gracefully", async () => {
  server = await startServerProcess({ ...database.env, SEED_ON_EMPTY: "true" }, 60_000, { viaNpm: true });
  expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
  server.child.kill("SIGTERM"); // npm's own process, as `kill <pid of npm start>` does
  expect(await server.exited).toMatchObject({ code: 0, signal: null });
  expect(server.logs.map((line) => line.msg).slice(-2)).toEqual(["shutting down: finishing in-flight requests", "stopped"]);
  // Nothing keeps answering on the port: the server itself stopped, not only npm.
  await expect(fetch(`${server.url}/health/live`)).rejects.toThrow();
}, 120_000); // npm, then the build check, then a first start that creates the database

test("a request that does not finish within SHUTDOWN_TIMEOUT_MS is cut off, and the process still exits 0", async () => {
  server = await start({ SHUTDOWN_TIMEOUT_MS: "500" });
  const stuck = startSlowRequest(server.url, "stuck-1", "{ __typename }");
  await server.waitForLog((line) => line.msg === "request received" && line.reqId === "stuck-1");

  server.child.kill("SIGTERM");
  await expect(stuck.response).rejects.toThrow(/socket hang up|ECONNRESET/);
  expect(await server.exited).toEqual({ code: 0, signal: null, stderr: "" });
});

// Needs a database that can be made slow: a server behind a proxy that holds its traffic.
const onServer = databaseKind === "postgres" ? test : test.skip;
onServer("a request whose client has gone still finishes before the database closes", async () => {
  const target = new URL(serverUrl!);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  try {
    server = await start({ DATABASE_URL: proxy.proxiedUrl(database.env.DATABASE_URL), DATABASE_TIMEOUT_MS: "30000" });
    // A query of two statements (the meeting, then its place), stuck in the first one.
    proxy.hold();
    const client = new AbortController();
    const request = fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "gone-1" },
      body: JSON.stringify({ query: `{ meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { title place { name } } }` }),
      signal: client.signal,
    });
    await server.waitForLog((line) => line.msg === "request received" && line.reqId === "gone-1");
    client.abort();
    await expect(request).rejects.toThrow();
    await server.waitForLog((line) => line.msg === "graphql request" && line.reqId === "gone-1" && line.outcome === "aborted");

    server.child.kill("SIGTERM");
    await server.waitForLog((line) => line.msg === "shutting down: finishing in-flight requests");
    proxy.release();
    expect(await server.exited).toEqual({ code: 0, signal: null, stderr: "" });
    // Its resolvers ran to the end on an open pool: nothing failed.
    expect(server.logs.filter((line) => line.level === "error" || line.level === "warn")).toEqual([]);
  } finally {
    proxy.release();
    await proxy.close();
  }
});
