// An error nobody planned for (here: the database lost a column the query reads) reaches the
// client as a bare INTERNAL_SERVER_ERROR with a request id, and the log has the details under
// the same id.
import { captureLogs } from "./support/log-capture";
import { startTestServer, type TestServer } from "./support/test-server";

const logs = captureLogs("error");
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ server: { logger: logs.logger } });
  await server.database.withSession((session) => session.exec(`ALTER TABLE "place" DROP COLUMN "description" CASCADE`));
});
afterAll(() => server?.stop());

test("the client gets a code and a request id, never the internals", async () => {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "drift-1" },
    body: JSON.stringify({ query: `{ places { edges { node { name description } } } }` }),
  });
  const body = await response.json();
  expect(body).toEqual({
    data: null,
    errors: [
      {
        message: "Internal server error",
        locations: [{ line: 1, column: 3 }],
        path: ["places"],
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "drift-1" },
      },
    ],
    extensions: { sqlStatements: expect.any(Number) },
  });
  expect(JSON.stringify(body)).not.toMatch(/description|prisma|does not exist|\n\s+at /i);
  const logged = logs.lines().filter((line) => line.reqId === "drift-1");
  expect(logged).toHaveLength(1);
  expect(JSON.stringify(logged[0])).toMatch(/description/);
});
