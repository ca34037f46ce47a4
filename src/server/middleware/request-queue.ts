// At most `maxRunning` GraphQL requests run at once; the others wait here, in arrival order,
// once their body is read (a client trickling its body holds no place) and before Apollo sees
// them. Why: a request beyond the database pool's size only waited in pg's pool queue, holding
// its parsed document, Apollo's request context and its execution state. Under 50 clients and a
// pool of 10, forty requests' objects survived young-generation collections and were promoted:
// CPU per request rose 60-70 % over 10 clients and throughput fell to 0.8x. Waiting here, a
// request holds only its body and node's request and response (docs/performance.md, step 13).
//
// Written here rather than taken from p-limit (the usual library): a request must not wait for
// its turn longer than it would have waited for a database connection (`maxWaitMs`, then it is
// answered 503 as then), and p-limit has no bound on the wait; the place is also taken without
// a promise when one is free, as it nearly always is below the limit.
export class RequestQueue {
  private running = 0;
  private readonly waiting: { admit(admitted: boolean): void; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Requests waiting for their turn now. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /**
   * Takes a place: true at once when one is free, else a promise of true once one is, or of false
   * (and no place) after `maxWaitMs`. A request given a place must `leave()` when done.
   */
  enter(): true | Promise<boolean> {
    if (this.running < this.maxRunning) {
      this.running += 1;
      return true;
    }
    return new Promise((resolve) => {
      const waiter = {
        admit: resolve,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          resolve(false);
        }, this.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** Gives the place to the longest waiting request, or frees it. */
  leave(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.running -= 1;
      return;
    }
    clearTimeout(next.timer);
    next.admit(true);
  }
}
