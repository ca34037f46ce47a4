// Counts the requests whose handlers are still running, so that a graceful stop can wait for
// them before the database closes. (Apollo's drain waits for open connections; a request whose
// client has gone away has no connection any more, but its resolvers may still be using the
// database.)
import type { NextFunction, Request, RequestHandler, Response } from "express";

export class InFlightRequests {
  private running = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.running;
  }

  /** Wraps a handler that returns a promise settling when it is done with the request. */
  track(handler: (req: Request, res: Response, next: NextFunction) => unknown): RequestHandler {
    return async (req, res, next) => {
      this.running += 1;
      try {
        await handler(req, res, next);
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
