// Entry point: the configuration first, then, on the embedded database, V8's memory settings for
// it (database/embedded-memory.ts), which must come before the rest of the server loads: they
// keep the young generation at the size it has when they are set. Then the server (server-process.ts).
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { tuneV8ForEmbeddedDatabase } from "./database/embedded-memory";

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind === "embedded") tuneV8ForEmbeddedDatabase();
  const { runServer } = loadServerProcess();
  await runServer(config);
}

/** The rest of the server, loaded when called (a static import would load it before the tuning). */
function loadServerProcess(): typeof import("./server-process") {
  return require("./server-process") as typeof import("./server-process");
}

main().catch((error: unknown) => {
  // Expected start-up failures get one clear line; anything else is a bug and keeps its stack.
  // A configuration error is told before the server's modules load (they take a second or two).
  const line =
    error instanceof ConfigError ? `newsgraph: ${error.message}` : loadServerProcess().startupFailureLine(error);
  console.error(line ?? error);
  process.exit(1);
});
