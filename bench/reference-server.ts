// The reference server: the practical upper bound for answering the benchmarked queries over
// HTTP. A bare node:http server that recognises each benchmarked query by its text and answers
// it with its one hand-written SQL statement, PostgreSQL building the whole response body as
// JSON text, which goes to the client untouched. No GraphQL engine, no ORM, no parsing of the
// result. Started by bench/run.ts as a child process: `node dist/bench/reference-server.js`
// with DATABASE_URL, PORT and DATABASE_POOL_SIZE in the environment.
import http from "node:http";
import pg from "pg";
import { QUERIES } from "./queries";

export function createReferenceServer(pool: pg.Pool): http.Server {
  const byText = new Map(QUERIES.map((query) => [query.graphql, query]));
  return http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      try {
        const { query, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        const known = byText.get(query);
        if (request.method !== "POST" || !known) {
          response.writeHead(404, { "content-type": "application/json" }).end('{"errors":[{"message":"unknown query"}]}');
          return;
        }
        // A named statement: prepared once per connection, as the upper bound deserves.
        const { rows } = await pool.query({
          name: known.key,
          text: known.sql,
          values: known.params(variables ?? {}),
          rowMode: "array",
        });
        response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(rows[0][0] as string);
      } catch (error) {
        response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      }
    });
  });
}

if (require.main === module) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const server = createReferenceServer(pool);
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    console.log(JSON.stringify({ ready: true, port: (server.address() as { port: number }).port }));
  });
  const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
