// LISTEN on a PostgreSQL server, kept up: one dedicated connection (notifications are per
// session, so it cannot come from the pool, whose connections are lent to one query at a time),
// reconnected with a growing delay whenever it is lost. The caller is told each time it is
// listening again, so it can catch up on what was notified while it was not (change-feed.ts).
import pg from "pg";

export interface NotificationHandlers {
  /** One notification's payload, in the order the server sent them (commit order). */
  onNotification(payload: string): void;
  /** Listening again after the connection was lost (not called for the first connection). */
  onReconnected(): void;
  /** The connection was lost or could not be made; it is retried. */
  onError(error: Error): void;
}

/** Stops listening and closes the connection. */
export type StopListening = () => Promise<void>;

const RECONNECT_DELAY_MS = { first: 250, max: 5_000 } as const;

/**
 * Listens on `channel` over its own connection to `url`; resolves once listening (rejects if the
 * first connection fails, like opening the database does).
 */
export async function listenOnServer(url: string, channel: string, handlers: NotificationHandlers, connectTimeoutMs: number): Promise<StopListening> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delay: number = RECONNECT_DELAY_MS.first;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true });
    // A lost connection emits 'error' and then 'end'; both lead to one reconnection.
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || stopped) return;
      lost = true;
      handlers.onError(error ?? new Error("the listening connection ended"));
      scheduleReconnect();
    };
    next.on("error", onLost);
    next.on("end", () => onLost());
    next.on("notification", (message) => {
      if (message.channel === channel) handlers.onNotification(message.payload ?? "");
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      lost = true; // its 'end' must not schedule a second attempt
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
  };

  const scheduleReconnect = () => {
    client = undefined;
    retry = setTimeout(async () => {
      retry = undefined;
      if (stopped) return;
      try {
        await connect();
        delay = RECONNECT_DELAY_MS.first;
        if (stopped) return void (await client?.end().catch(() => undefined));
        handlers.onReconnected();
      } catch (error) {
        handlers.onError(error as Error);
        delay = Math.min(delay * 2, RECONNECT_DELAY_MS.max);
        scheduleReconnect();
      }
    }, delay);
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
