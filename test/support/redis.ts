// The machine's Redis for the tests that need one (persisted queries, trusted documents):
// skipped, with the reason, where none answers, unless NEWSGRAPH_REQUIRE_REDIS=1 (.ci/run sets it)
// makes a missing Redis a failure instead.
import { spawnSync } from "node:child_process";

export const REDIS_URL = process.env.NEWSGRAPH_TEST_REDIS_URL || "redis://127.0.0.1:6379";

/** Why the Redis tests are skipped, or null when they run (always with NEWSGRAPH_REQUIRE_REDIS=1). */
export function redisSkipReason(): string | null {
  if (process.env.NEWSGRAPH_REQUIRE_REDIS === "1") return null;
  const { hostname, port } = new URL(REDIS_URL);
  // describe needs the answer synchronously: a child process sends PING.
  const ping = spawnSync(
    process.execPath,
    [
      "-e",
      `const s = require("net").connect(${Number(port) || 6379}, ${JSON.stringify(hostname)});
       s.setTimeout(1000, () => process.exit(1)); s.on("error", () => process.exit(1));
       s.on("connect", () => s.write("PING\\r\\n")); s.on("data", (d) => process.exit(String(d).startsWith("+PONG") ? 0 : 1));`,
    ],
    { timeout: 5_000 },
  );
  return ping.status === 0 ? null : `no Redis answers at ${REDIS_URL} (set NEWSGRAPH_TEST_REDIS_URL, or NEWSGRAPH_REQUIRE_REDIS=1 to fail instead)`;
}
