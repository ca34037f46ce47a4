// What every resolver receives: the database client, this request's batching loaders, and the
// viewer its bearer token proves (null for anonymous requests). Reads go where the database
// sends them (a read replica when there are any) unless the request is switched to the primary
// before it reads anything (read-your-writes: server/plugins/read-primary.ts decides).
import type { Viewer } from "../auth/viewer";
import type { ReadPath, TextRead } from "../database/database";
import type { ChangeSource } from "../events/change-feed";
import type { PrismaClient } from "../generated/prisma/client";
import type { RequestRecord } from "../observability/request-record";
import { enterStatementScope } from "../observability/statement-counter";
import { Loaders } from "../read/loaders";

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  viewer: Viewer | null;
  /** The changes committed on any server, for subscriptions (WebSocket connections only). */
  changes?: ChangeSource;
  /**
   * The HTTP request's record (its id, trace, statement count), for the plugins. Subscription
   * events have none: their statements are counted by the scope they run in.
   */
  record?: RequestRecord;
  /** This request's reads go to the primary (they see every committed write). Only before its first read. */
  readFromPrimary(): void;
}

/** The two places reads can go: the database's usual read path, and the primary. */
export interface ReadPaths {
  usual: ReadPath;
  primary: ReadPath;
}

class RequestContext implements Context {
  private path: ReadPath;
  private requestLoaders?: Loaders;
  readonly changes?: ChangeSource;
  readonly record?: RequestRecord;

  constructor(
    private readonly paths: ReadPaths,
    readonly viewer: Viewer | null,
    extras: ContextExtras,
  ) {
    this.path = paths.usual;
    this.changes = extras.changes;
    this.record = extras.record;
  }

  /** Prisma's statements from here on count as the request's (observability/statement-counter.ts). */
  get prisma(): PrismaClient {
    if (this.record) enterStatementScope(this.record);
    return this.path.prisma;
  }

  // Made on first use, so that the read path is settled by then (loaders keep their client).
  get loaders(): Loaders {
    this.requestLoaders ??= new Loaders(() => this.prisma, this.countedReadText());
    return this.requestLoaders;
  }

  /** The compiled reads' path, their statements counted as the request's. */
  private countedReadText(): TextRead | undefined {
    const { readText } = this.path;
    const record = this.record;
    return readText && record ? (sql, params) => readText(sql, params, record) : readText;
  }

  readFromPrimary(): void {
    if (this.requestLoaders) throw new Error("a request cannot move its reads to the primary once it has read");
    this.path = this.paths.primary;
  }
}

export interface ContextExtras {
  changes?: ChangeSource;
  record?: RequestRecord;
}

export function createContext(paths: ReadPaths, viewer: Viewer | null = null, extras: ContextExtras = {}): Context {
  return new RequestContext(paths, viewer, extras);
}
