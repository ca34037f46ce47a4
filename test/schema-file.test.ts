// schema/schema.graphql is what frontend teams generate code from: it must match the code.
import fs from "node:fs";
import path from "node:path";
import "reflect-metadata";
import { buildNewsgraphSchema, printNewsgraphSchema } from "../src/schema/build-schema";

test("schema/schema.graphql matches the schema the code builds (run `npm run schema:emit`)", async () => {
  const committed = fs.readFileSync(path.join(__dirname, "..", "schema", "schema.graphql"), "utf8");
  expect(printNewsgraphSchema(await buildNewsgraphSchema())).toBe(committed);
});
