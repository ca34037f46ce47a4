#!/usr/bin/env node
// Runs `prisma generate` on machines where Prisma could not download its native schema engine
// (no access to Prisma's binary server). Generating the client never runs that engine, but the
// CLI insists that the file exists: where it is missing we point it at any existing file.
// Where the engine is installed, this is plain `prisma generate`.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const env = { ...process.env };
const enginesDir = path.join(__dirname, "..", "node_modules", "@prisma", "engines");
const hasEngine =
  fs.existsSync(enginesDir) && fs.readdirSync(enginesDir).some((name) => name.startsWith("schema-engine"));
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const prismaCli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
