// `npm run schema:emit`: writes the SDL of the code's schema to schema/schema.graphql (what
// clients see) and schema/subgraph.graphql (the same with federation keys, for routers).
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { paths } from "../config";
import { buildNewsgraphSchema, printNewsgraphSchema } from "../schema/build-schema";
import { buildNewsgraphSubgraphSchema, printNewsgraphSubgraphSchema } from "../schema/federation/subgraph";

async function main(): Promise<void> {
  fs.mkdirSync(paths.schemaDir, { recursive: true });
  const files: [string, string][] = [
    ["schema.graphql", printNewsgraphSchema(await buildNewsgraphSchema())],
    ["subgraph.graphql", printNewsgraphSubgraphSchema(await buildNewsgraphSubgraphSchema())],
  ];
  for (const [name, sdl] of files) {
    const target = path.join(paths.schemaDir, name);
    fs.writeFileSync(target, sdl);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
