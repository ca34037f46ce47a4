// A graphql-ws client for tests: subscriptions as queues of results a test can await one by one,
// and the close event of the connection, as a browser or another service would see them.
import type { FormattedExecutionResult } from "graphql";
import { type Client, createClient, type SubscribePayload } from "graphql-ws";

type ExecutionResult = FormattedExecutionResult<Record<string, unknown>, unknown>;
import WebSocket from "ws";

export interface Subscription {
  /** Resolves with the next result (already received or to come); rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ExecutionResult>;
  /** Every result received and not yet taken by next(). */
  pending: ExecutionResult[];
  /** Resolves with the subscription's error (an `error` message, or the connection closing), or when it completes. */
  ended: Promise<{ error?: unknown }>;
  unsubscribe(): void;
}

export interface TestClient {
  client: Client;
  subscribe(query: string, variables?: Record<string, unknown>): Subscription;
  /** The same with a whole subscribe payload (e.g. a persisted query's hash in `extensions`). */
  subscribeWith(payload: SubscribePayload): Subscription;
  /** The close event, once the connection closes. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/** A client of `httpUrl`'s /graphql over WebSocket that does not retry (tests see each failure). */
export function subscriptionClient(httpUrl: string, connectionParams?: Record<string, unknown>): TestClient {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: `${httpUrl.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed({ code: (event as CloseEvent).code, reason: String((event as CloseEvent).reason) }) },
  });
  return {
    client,
    closed,
    subscribe(query, variables) {
      return this.subscribeWith({ query, variables });
    },
    subscribeWith(payload) {
      const pending: ExecutionResult[] = [];
      let waiter: ((result: ExecutionResult) => void) | undefined;
      let onEnded!: (end: { error?: unknown }) => void;
      const ended = new Promise<{ error?: unknown }>((resolve) => (onEnded = resolve));
      const unsubscribe = client.subscribe(
        payload,
        {
          next: (result) => {
            if (waiter) {
              waiter(result);
              waiter = undefined;
            } else pending.push(result);
          },
          error: (error) => onEnded({ error }),
          complete: () => onEnded({}),
        },
      );
      return {
        pending,
        ended,
        unsubscribe,
        next(timeoutMs = 15_000) {
          const ready = pending.shift();
          if (ready) return Promise.resolve(ready);
          return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
            waiter = (result) => {
              clearTimeout(timer);
              resolve(result);
            };
          });
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Waits until the server at `httpUrl` reports `count` open subscriptions (its /metrics). */
export async function waitForSubscriptions(httpUrl: string, count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const metrics = await (await fetch(`${httpUrl}/metrics`)).text();
    const open = Number(/^newsgraph_subscriptions (\d+)/m.exec(metrics)?.[1] ?? 0);
    if (open === count) return;
    if (Date.now() > deadline) throw new Error(`${open} subscriptions open after ${timeoutMs} ms, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
