// What every resolver receives: the database client, this request's batching loaders, and the
// viewer its bearer token proves (null for anonymous requests). Reads go where the database
// sends them (a read replica when there are any) unless the request is switched to the primary
// before it reads anything (read-your-writes: server/plugins/read-primary.ts decides).
import type { Viewer } from "../auth/viewer";
import type { ReadPath } from "../database/database";
import type { ChangeSource } from "../events/change-feed";
import type { PrismaClient } from "../generated/prisma/client";
import { Loaders } from "../read/loaders";

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  viewer: Viewer | null;
  /** The changes committed on any server, for subscriptions (WebSocket connections only). */
  changes?: ChangeSource;
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

  constructor(
    private readonly paths: ReadPaths,
    readonly viewer: Viewer | null,
    readonly changes?: ChangeSource,
  ) {
    this.path = paths.usual;
  }

  get prisma(): PrismaClient {
    return this.path.prisma;
  }

  // Made on first use, so that the read path is settled by then (loaders keep their client).
  get loaders(): Loaders {
    this.requestLoaders ??= new Loaders(this.path.prisma, this.path.readText);
    return this.requestLoaders;
  }

  readFromPrimary(): void {
    if (this.requestLoaders) throw new Error("a request cannot move its reads to the primary once it has read");
    this.path = this.paths.primary;
  }
}

export function createContext(paths: ReadPaths, viewer: Viewer | null = null, changes?: ChangeSource): Context {
  return new RequestContext(paths, viewer, changes);
}
