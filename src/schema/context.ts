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

  get prisma(): PrismaClient {
    return inRequestScope(this.path.prisma, this.record);
  }

  // Made on first use, so that the read path is settled by then (loaders keep their client).
  get loaders(): Loaders {
    this.requestLoaders ??= new Loaders(countedPrisma(this.path.prisma, this.record), countedReadText(this.path.readText, this.record));
    return this.requestLoaders;
  }

  readFromPrimary(): void {
    if (this.requestLoaders) throw new Error("a request cannot move its reads to the primary once it has read");
    this.path = this.paths.primary;
  }
}

// The two below close over the client and the record only, never the context: what the loaders
// and their reader keep must not keep the request's rows, since a finished statement can keep its
// reader reachable for a while (database.ts, the reply timeout). When they did, q3's GC time rose
// by a third (docs/performance.md, step 15).

/** The client, with the statements that follow counted as the request's (observability/statement-counter.ts). */
function inRequestScope(prisma: PrismaClient, record: RequestRecord | undefined): PrismaClient {
  if (record) enterStatementScope(record);
  return prisma;
}

/** inRequestScope at each use, for the loaders. */
function countedPrisma(prisma: PrismaClient, record: RequestRecord | undefined): () => PrismaClient {
  return () => inRequestScope(prisma, record);
}

/** The compiled reads' path, their statements counted as the request's. */
function countedReadText(readText: TextRead | undefined, record: RequestRecord | undefined): TextRead | undefined {
  return readText && record ? (sql, params) => readText(sql, params, record) : readText;
}

export interface ContextExtras {
  changes?: ChangeSource;
  record?: RequestRecord;
}

export function createContext(paths: ReadPaths, viewer: Viewer | null = null, extras: ContextExtras = {}): Context {
  return new RequestContext(paths, viewer, extras);
}
