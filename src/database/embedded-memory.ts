// V8's settings for a server that runs the embedded database (PGlite: PostgreSQL compiled to
// WebAssembly, in this process). With the node flags of `npm start` they make what
// `npm run bench:memory` measures (docs/operations.md, "Memory").
//
// `v8.setFlagsFromString` is node's documented API, but the flags are V8's own and may change
// with a node upgrade: the bench shows it. Set here rather than on `npm start`'s command line
// because in server mode a small young generation costs: `--max-semi-space-size=8` doubled the
// CPU per request of the benchmark's largest answers (q3).
import v8 from "node:v8";

/**
 * `--semi-space-growth-factor=1`: the young generation keeps the size it has when this is set,
 * instead of doubling up to 2 × 16 MB as the server allocates. Set before the server's modules
 * load (main.ts), that is ~1 MB: more, shorter scavenges, and no more CPU measured on the
 * examples of schema/examples.graphql, for ~25 MB less RSS idle and ~30 MB less under them.
 * V8 reads the flag when it grows the young generation, so setting it at run time works.
 */
export function tuneV8ForEmbeddedDatabase(): void {
  v8.setFlagsFromString("--semi-space-growth-factor=1");
}
