// A logger whose JSON lines a test can read back.
import { Writable } from "node:stream";
import type { LogLevel } from "../../src/config";
import { createLogger, type Logger } from "../../src/observability/logger";
import type { LogLine } from "./server-process";

export interface CapturedLogs {
  logger: Logger;
  /** The lines written so far, parsed. */
  lines(): LogLine[];
  /** Everything written so far, as text. */
  text(): string;
}

export function captureLogs(level: LogLevel = "debug"): CapturedLogs {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return {
    logger: createLogger({ level, destination: stream }),
    lines: () => text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as LogLine),
    text: () => text,
  };
}
