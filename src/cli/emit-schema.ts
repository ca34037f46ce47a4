// `npm run schema:emit`: writes the SDL of the code's schema to schema/schema.graphql.
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { paths } from "../config";
import { buildNewsgraphSchema, printNewsgraphSchema } from "../schema/build-schema";

async function main(): Promise<void> {
  const target = path.join(paths.schemaDir, "schema.graphql");
  fs.mkdirSync(paths.schemaDir, { recursive: true });
  fs.writeFileSync(target, printNewsgraphSchema(await buildNewsgraphSchema()));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
