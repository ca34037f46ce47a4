// `npm run bench:memory`: the memory of the quick start. Starts the server as `npm start` does, on
// a new embedded database in a temporary directory (its first start: initdb, migrations, seed),
// reads its RSS once idle, stops it, starts it again on the same directory and reads it idle
// again, then sends every example of schema/examples.graphql for --rounds rounds (from
// --connections concurrent clients) and reads the peak. The target is under 250 MB for each
// (docs/operations.md, "Memory"); the exit code is 1 when a figure is over it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { paths } from "../src/config";
import { tabsFromExamples } from "../src/server/playground/playground";
import { postGraphQL, type ServerProcess, startNewsgraphEmbedded } from "./processes";

const { values: options } = parseArgs({
  options: {
    rounds: { type: "string", default: "200" },
    connections: { type: "string", default: "4" },
    "idle-seconds": { type: "string", default: "10" },
    "target-mb": { type: "string", default: "250" },
  },
});

const settle = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

async function main(): Promise<void> {
  const targetMb = Number(options["target-mb"]);
  const idleSeconds = Number(options["idle-seconds"]);
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-memory-")), "pglite");
  const figures: { what: string; mb: number }[] = [];
  try {
    const idle = async (what: string) => {
      const server = await startNewsgraphEmbedded(dataDir);
      await settle(idleSeconds);
      figures.push({ what, mb: server.rssMb() });
      return server;
    };
    await (await idle("first start (creates, migrates, seeds), idle")).stop();
    const server = await idle("second start, idle");
    try {
      await sendExamples(server, Number(options.rounds), Number(options.connections));
      figures.push({ what: `peak under the examples (${options.rounds} rounds)`, mb: server.peakRssMb() });
      await settle(idleSeconds);
      figures.push({ what: "idle after the examples", mb: server.rssMb() });
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
  console.log(`embedded database, node ${process.version}; RSS (target under ${targetMb} MB):`);
  for (const { what, mb } of figures) console.log(`  ${what.padEnd(50)} ${mb.toFixed(1).padStart(7)} MB${mb >= targetMb ? "  OVER" : ""}`);
  if (figures.some(({ mb }) => mb >= targetMb)) process.exitCode = 1;
}

/** Every example, `rounds` times, from `connections` clients; any error in an answer stops the run. */
async function sendExamples(server: ServerProcess, rounds: number, connections: number): Promise<void> {
  const examples = tabsFromExamples(fs.readFileSync(paths.examples, "utf8"));
  let next = 0;
  const client = async () => {
    for (let i = next++; i < rounds * examples.length; i = next++) {
      const example = examples[i % examples.length];
      const answer = await postGraphQL(server.url, example.query, example.variables ?? {});
      if (answer.errors) throw new Error(`${example.name}: ${JSON.stringify(answer.errors)}`);
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
