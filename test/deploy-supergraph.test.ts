// docs/deploy/supergraph.graphql is what the router of docs/deploy/compose.router.yaml serves:
// newsgraph's committed subgraph SDL composed alone, routed to the `newsgraph` service name. It
// must follow the subgraph, as schema/subgraph.graphql follows the code.
// `npm run schema:changelog` rewrites it (with schema/CHANGELOG.md).
import fs from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

const root = path.join(__dirname, "..");
const target = path.join(root, "docs", "deploy", "supergraph.graphql");
const ROUTING_URL = "http://newsgraph:4000/graphql";

test("docs/deploy/supergraph.graphql is schema/subgraph.graphql composed for the router", () => {
  const subgraph = fs.readFileSync(path.join(root, "schema", "subgraph.graphql"), "utf8");
  const composed = composeServices([{ name: "newsgraph", url: ROUTING_URL, typeDefs: parse(subgraph) }]);
  expect(composed.errors).toBeUndefined();
  const supergraph = `${composed.supergraphSdl!.trimEnd()}\n`;
  if (process.env.NEWSGRAPH_WRITE_GENERATED === "1") fs.writeFileSync(target, supergraph);
  expect(fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "(missing)").toBe(supergraph);
});
