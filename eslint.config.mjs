// ESLint keeps the layers of src/ apart (docs/development.md, "Layers"): each folder may import
// only from those below it. Lower first:
//   config, errors, validation, generated (Prisma's client)
//   observability (logs, metrics, tracing, statement counting)
//   database, then events (change feed), then claims, then importer
//   read (the read stage: relations, read plans, compiled SQL, batched loaders)
//   auth (tokens and viewers; beside the data layers, using only config and errors)
//   schema (GraphQL types and resolvers), then server, then cli and the entry points
// Type-aware rules are left to `tsc` (npm run typecheck); this file is about structure only.
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/** Folders of src/ (and top-level files) in layer order; each may not import anything after it. */
const layers = [
  ["config.ts", "errors.ts", "validation.ts", "generated"],
  ["observability"],
  ["database"],
  ["events"],
  ["claims"],
  ["importer"],
  ["read"],
  ["auth"],
  ["schema"],
  ["server"],
  ["cli", "main.ts", "server-process.ts"],
];

const path = (entry) => `./src/${entry}`;

/** For each layer, the zones it may not import from: every later layer, and for auth, the data layers. */
const zones = layers.slice(0, -1).flatMap((layer, index) =>
  layer.map((entry) => ({
    target: path(entry),
    from: layers
      .slice(index + 1)
      .flat()
      .map(path),
    message: `${entry} sits below the layers it would import (eslint.config.mjs)`,
  })),
);
zones.push({
  target: path("auth"),
  from: ["observability", "database", "events", "claims", "importer", "read"].map(path),
  message: "auth uses config and errors only: it reads tokens, not data",
});

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "src/generated/**", "src/server/playground/assets/**", ".data/**"] },
  {
    files: ["src/**/*.ts"],
    languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: "module" } },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".js", ".cjs"] } } },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones }],
      // A cycle between files is a layer inside a layer gone wrong.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
);
