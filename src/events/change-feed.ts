// The changes committed by any server, as they commit, for subscriptions (GraphQL's
// `articleRecorded`, `entityChanged`). Writers log their changes and notify the channel in the
// same transaction (change-notification.ts); every server LISTENs on the primary and, for each
// notification, reads that transaction's change-log rows and hands them to its subscribers as
// one batch. Notifications come in commit order and are handled one at a time, so batches keep
// that order. While the database is unreachable, reading waits and retries; when the listening
// connection comes back, what committed meanwhile is read from the change log by time (a missed
// notification cannot be asked for again) and delivered before anything newer.
import { AsyncResource } from "node:async_hooks";
import type { Change, PrismaClient } from "../generated/prisma/client";
import type { Database } from "../database/database";
import type { Logger } from "../observability/logger";
import { CHANGE_CHANNEL } from "./change-notification";

/** What one committed transaction changed: an article's recording or correction, or an editor's mutation. */
export interface ChangeBatch {
  /** The writing transaction's id. */
  tx: string;
  /** When the transaction started (the change log's time). */
  at: Date;
  actor: string;
  via: string;
  /** The article recorded, when the changes came from one. */
  article: { id: string; slug: string } | null;
  /** Its change-log entries, in the order they were made. */
  changes: Change[];
}

/**
 * Where resolvers take events from: each call is one subscriber, whose events are what `select`
 * makes of each batch (none, one or several); ended by the iterator's `return()`.
 */
export interface ChangeSource {
  subscribe<T>(select: (batch: ChangeBatch) => T[]): AsyncIterableIterator<T>;
}

export interface ChangeFeedOptions {
  logger: Logger;
  /** Batches a subscriber may have waiting before it is ended as too slow (its client is not reading). */
  maxBacklog: number;
  /** Called for every batch handed to subscribers (metrics). */
  onBatch?: (subscribers: number) => void;
}

/**
 * How long a transaction can run between its start (its changes' `at`) and its commit: catching
 * up looks this far back from the newest batch seen. Imports, the longest, are bounded to 60 s
 * (importer/import-article.ts) after waiting at most 10 s to start.
 */
const LONGEST_TRANSACTION_MS = 75_000;
const RETRY_DELAY_MS = { first: 100, max: 2_000 } as const;

/** Raised in a subscriber that fell too far behind; ends its subscription. */
export class SubscriberTooSlowError extends Error {}

export class ChangeFeed implements ChangeSource {
  private readonly subscribers = new Set<Subscriber<unknown>>();
  /** Transactions delivered recently, with their time: catching up skips them. */
  private readonly delivered = new Map<string, number>();
  /** The newest batch's time, and at first the feed's start, both by the database's clock. */
  private watermark = 0;
  private startedAt = 0;
  private work: Promise<void> = Promise.resolve();
  private stopListening?: () => Promise<void>;
  private stopped = false;
  private readonly reads: PrismaClient;

  constructor(
    private readonly database: Pick<Database, "listen" | "primaryReads">,
    private readonly options: ChangeFeedOptions,
  ) {
    // The primary: a notification can arrive before a replica has replayed the transaction.
    this.reads = database.primaryReads.prisma;
  }

  /** Starts listening; rejects if the database cannot be reached. */
  async start(): Promise<void> {
    const [{ now }] = await this.reads.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    this.startedAt = this.watermark = now.getTime();
    let unreachable = false;
    this.stopListening = await this.database.listen(CHANGE_CHANNEL, {
      onNotification: (tx) => this.enqueue(() => this.deliver(tx)),
      onReconnected: () => {
        unreachable = false;
        this.options.logger.info("listening for changes again; catching up on what was missed");
        this.enqueue(() => this.catchUp());
      },
      onError: (error) => {
        // Once per outage: the connection is retried every few seconds.
        if (!unreachable) this.options.logger.warn({ err: error }, "lost the connection listening for changes; retrying");
        unreachable = true;
      },
    });
  }

  /** Stops listening and ends every subscription. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.stopListening?.();
    for (const subscriber of this.subscribers) subscriber.end();
  }

  subscribe<T>(select: (batch: ChangeBatch) => T[]): AsyncIterableIterator<T> {
    const subscriber: Subscriber<T> = new Subscriber(select, this.options.maxBacklog, () => this.subscribers.delete(subscriber));
    if (this.stopped) subscriber.end();
    else this.subscribers.add(subscriber);
    return subscriber;
  }

  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Runs `step` in the context the feed was made in, not the one a notification arrives in: the
   * embedded database calls its listeners from inside the writing request, whose statement count
   * and trace the feed's reads are not part of.
   */
  private readonly outsideRequests = AsyncResource.bind((step: () => Promise<void>) => step());

  /** Runs after everything queued before it (batches keep commit order). */
  private enqueue(step: () => Promise<void>): void {
    this.work = this.work.then(() => this.outsideRequests(step)).catch((error: unknown) => this.options.logger.error({ err: error }, "could not deliver changes"));
  }

  private async deliver(tx: string): Promise<void> {
    if (!/^\d+$/.test(tx) || this.delivered.has(tx)) return;
    const rows = await this.retrying(() => this.reads.change.findMany({ where: { tx: BigInt(tx) }, orderBy: { seq: "asc" } }));
    if (rows?.length) this.publish(tx, rows);
  }

  private async catchUp(): Promise<void> {
    const since = new Date(Math.max(this.startedAt, this.watermark - LONGEST_TRANSACTION_MS));
    const rows = await this.retrying(() => this.reads.change.findMany({ where: { at: { gte: since } }, orderBy: { seq: "asc" } }));
    // Each transaction's rows, the transactions in the order of their first change.
    const byTransaction = new Map<string, Change[]>();
    for (const row of rows ?? []) {
      const tx = String(row.tx);
      byTransaction.set(tx, [...(byTransaction.get(tx) ?? []), row]);
    }
    for (const [tx, changes] of byTransaction) if (!this.delivered.has(tx)) this.publish(tx, changes);
  }

  private publish(tx: string, changes: Change[]): void {
    const [first] = changes;
    const batch: ChangeBatch = {
      tx,
      at: first.at,
      actor: first.actor,
      via: first.via,
      article: first.articleId && first.articleSlug ? { id: first.articleId, slug: first.articleSlug } : null,
      changes,
    };
    const at = first.at.getTime();
    this.watermark = Math.max(this.watermark, at);
    this.delivered.set(tx, at);
    for (const [seen, seenAt] of this.delivered) {
      if (seenAt < this.watermark - 2 * LONGEST_TRANSACTION_MS) this.delivered.delete(seen);
    }
    for (const subscriber of this.subscribers) subscriber.push(batch);
    this.options.onBatch?.(this.subscribers.size);
  }

  /** `read` until it succeeds (the database may be down for a while), or undefined once stopped. */
  private async retrying<T>(read: () => Promise<T>): Promise<T | undefined> {
    let delay: number = RETRY_DELAY_MS.first;
    while (!this.stopped) {
      try {
        return await read();
      } catch (error) {
        this.options.logger.debug({ err: error }, "could not read changes; retrying");
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, RETRY_DELAY_MS.max);
      }
    }
    return undefined;
  }
}

/**
 * One subscriber's events, as an async iterator with a bounded backlog. Written here because
 * the iterators at hand (Node's `events.on`, graphql-subscriptions' PubSub) queue without bound
 * (a client that stops reading would hold every later event in memory), and because an async
 * generator filtering them could not be ended while it waits for the next event. This one ends a
 * slow subscriber with SubscriberTooSlowError instead of silently skipping events.
 */
class Subscriber<T> implements AsyncIterableIterator<T> {
  private readonly backlog: T[] = [];
  private waiting?: { resolve(result: IteratorResult<T>): void; reject(error: Error): void };
  private done = false;
  private failure?: Error;

  constructor(
    private readonly select: (batch: ChangeBatch) => T[],
    private readonly maxBacklog: number,
    private readonly onEnd: () => void,
  ) {}

  push(batch: ChangeBatch): void {
    for (const event of this.done ? [] : this.select(batch)) {
      if (this.waiting) {
        this.waiting.resolve({ value: event, done: false });
        this.waiting = undefined;
      } else if (this.backlog.length >= this.maxBacklog) {
        return this.fail(new SubscriberTooSlowError(`The subscription fell more than ${this.maxBacklog} events behind its client.`));
      } else {
        this.backlog.push(event);
      }
    }
  }

  /** Ends it after what is already waiting (the server is stopping). */
  end(): void {
    this.done = true;
    this.onEnd();
    if (this.waiting && this.backlog.length === 0) this.waiting.resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    if (this.backlog.length > 0) return Promise.resolve({ value: this.backlog.shift()!, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.backlog.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  /** Only called with a full backlog, so no `next()` is waiting. */
  private fail(error: Error): void {
    this.backlog.length = 0;
    this.failure = error;
    this.end();
  }
}
