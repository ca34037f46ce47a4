// Counts the requests whose handlers are still running, so that a graceful stop can wait for
// them before the database closes. (Apollo's drain waits for open connections; a request whose
// client has gone away has no connection any more, but its resolvers may still be using the
// database.)
import type { IncomingMessage, ServerResponse } from "node:http";

export class InFlightRequests {
  private running = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.running;
  }

  /** Wraps a handler (express's or node's) that returns a promise settling when it is done with the request. */
  track<Req extends IncomingMessage, Res extends ServerResponse, Rest extends unknown[]>(
    handler: (req: Req, res: Res, ...rest: Rest) => unknown,
  ): (req: Req, res: Res, ...rest: Rest) => Promise<void> {
    return async (req, res, ...rest) => {
      this.running += 1;
      try {
        await handler(req, res, ...rest);
      } finally {
        this.running -= 1;
        if (this.running === 0) this.waiters.splice(0).forEach((wake) => wake());
      }
    };
  }

  /** Resolves true once none is running, or false after `timeoutMs` if some still are. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
