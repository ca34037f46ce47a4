// The change feed's own rules, on a database stand-in whose notifications and reads the test
// controls (the end-to-end behaviour is in test/subscriptions*.test.ts): batches keep commit
// order whatever order their reads finish in, a reconnection catches up on what was missed and
// only that, and a subscriber that stops reading is ended rather than left to grow.
import type { NotificationHandlers } from "../src/database/notifications";
import { type ChangeBatch, ChangeFeed, SubscriberTooSlowError } from "../src/events/change-feed";
import { createLogger } from "../src/observability/logger";

interface Row {
  tx: bigint;
  seq: number;
  at: Date;
  actor: string;
  via: string;
  articleId: string | null;
  articleSlug: string | null;
  entityType: string;
  entityId: string;
  action: string;
}

const START = new Date("2026-12-02T10:00:00Z");
const row = (tx: number, seq: number, seconds = 1): Row => ({
  tx: BigInt(tx),
  seq,
  at: new Date(START.getTime() + seconds * 1000),
  actor: "import",
  via: "import",
  articleId: null,
  articleSlug: null,
  entityType: "Place",
  entityId: `place-${seq}`,
  action: "CREATED",
});

/** A database whose change log is `rows`; each read by transaction waits for `gate(tx)` when one is set. */
function standIn(rows: Row[], gate?: (tx: bigint) => Promise<void>) {
  let handlers!: NotificationHandlers;
  const database = {
    listen: async (_channel: string, given: NotificationHandlers) => {
      handlers = given;
      return async () => undefined;
    },
    primaryReads: {
      prisma: {
        $queryRaw: async () => [{ now: START }],
        change: {
          findMany: async ({ where }: { where: { tx?: bigint; at?: { gte: Date } } }) => {
            if (where.tx !== undefined) {
              await gate?.(where.tx);
              return rows.filter((candidate) => candidate.tx === where.tx);
            }
            return rows.filter((candidate) => candidate.at >= where.at!.gte).sort((a, b) => a.seq - b.seq);
          },
        },
      },
    },
  };
  return { database: database as never, notify: (tx: number) => handlers.onNotification(String(tx)), reconnect: () => handlers.onReconnected() };
}

const logger = createLogger({ level: "silent" });
const txsOf = (batches: ChangeBatch[]) => batches.map((batch) => batch.tx);
const take = async (iterator: AsyncIterator<ChangeBatch>, count: number) => {
  const taken: ChangeBatch[] = [];
  while (taken.length < count) taken.push((await iterator.next()).value as ChangeBatch);
  return taken;
};

test("batches keep the order of their notifications, whatever order their reads finish in", async () => {
  const rows = [row(10, 1), row(10, 2), row(11, 3)];
  let releaseFirst!: () => void;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  const { database, notify } = standIn(rows, (tx) => (tx === 10n ? firstHeld : Promise.resolve()));
  const feed = new ChangeFeed(database, { logger, maxBacklog: 10 });
  await feed.start();
  const subscriber = feed.subscribe((batch) => [batch]);
  notify(10);
  notify(11);
  setTimeout(releaseFirst, 20);
  const batches = await take(subscriber, 2);
  expect(batches.map((batch) => ({ tx: batch.tx, seqs: batch.changes.map((change) => change.seq) }))).toEqual([
    { tx: "10", seqs: [1, 2] },
    { tx: "11", seqs: [3] },
  ]);
  await feed.stop();
});

test("after a reconnection, what committed meanwhile is delivered once, oldest first; what was delivered is not again", async () => {
  const rows = [row(20, 1), row(21, 2), row(22, 3, 2), row(22, 4, 2)];
  const { database, notify, reconnect } = standIn(rows);
  const feed = new ChangeFeed(database, { logger, maxBacklog: 10 });
  await feed.start();
  const subscriber = feed.subscribe((batch) => [batch]);
  notify(20);
  expect(txsOf(await take(subscriber, 1))).toEqual(["20"]);
  // 21 and 22 committed while the listening connection was down: no notification came.
  reconnect();
  expect(txsOf(await take(subscriber, 2))).toEqual(["21", "22"]);
  // A late notification of one already caught up on is not delivered twice.
  notify(22);
  reconnect();
  notify(99); // a transaction with no rows (nothing to tell) is skipped
  const next = subscriber.next();
  expect(await Promise.race([next, new Promise((resolve) => setTimeout(() => resolve("nothing"), 50))])).toBe("nothing");
  await feed.stop();
  expect(await next).toEqual({ value: undefined, done: true });
});

test("a subscriber that stops reading is ended past its backlog; the others keep theirs", async () => {
  const rows = [1, 2, 3, 4].map((tx) => row(tx, tx));
  const { database, notify } = standIn(rows);
  const feed = new ChangeFeed(database, { logger, maxBacklog: 2 });
  await feed.start();
  const slow = feed.subscribe((batch) => [batch]);
  const reading = feed.subscribe((batch) => [batch]);
  const read = take(reading, 4);
  for (const tx of [1, 2, 3, 4]) notify(tx);
  expect(txsOf(await read)).toEqual(["1", "2", "3", "4"]);
  await expect(slow.next()).rejects.toThrow(new SubscriberTooSlowError("The subscription fell more than 2 events behind its client."));
  expect(feed.size).toBe(1);
  await reading.return!();
  expect(feed.size).toBe(0);
  await feed.stop();
});

test("a subscriber's selection turns each batch into any number of events", async () => {
  const rows = [row(30, 1), row(30, 2), row(31, 3)];
  const { database, notify } = standIn(rows);
  const feed = new ChangeFeed(database, { logger, maxBacklog: 10 });
  await feed.start();
  const changes = feed.subscribe((batch) => batch.changes.filter((change) => change.seq !== 2).map((change) => change.entityId));
  notify(30);
  notify(31);
  expect([(await changes.next()).value, (await changes.next()).value]).toEqual(["place-1", "place-3"]);
  await feed.stop();
});
