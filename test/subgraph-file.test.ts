// schema/subgraph.graphql is what other teams compose newsgraph from (rover, Apollo Router):
// it must match the subgraph the server serves, keys included.
import fs from "node:fs";
import path from "node:path";
import "reflect-metadata";
import { buildNewsgraphSubgraphSchema, printNewsgraphSubgraphSchema } from "../src/schema/federation/subgraph";

test("schema/subgraph.graphql matches the subgraph the code builds (run `npm run schema:emit`)", async () => {
  const committed = fs.readFileSync(path.join(__dirname, "..", "schema", "subgraph.graphql"), "utf8");
  expect(printNewsgraphSubgraphSchema(await buildNewsgraphSubgraphSchema())).toBe(committed);
});
