// What every resolver receives: the database client, this request's batching loaders, and the
// viewer its bearer token proves (null for anonymous requests).
import type { Viewer } from "../auth/viewer";
import type { TextRead } from "../database/database";
import type { PrismaClient } from "../generated/prisma/client";
import { Loaders } from "./loaders/loaders";

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  viewer: Viewer | null;
}

/** `readText`: the database's direct path for compiled reads, when it has one (database.ts). */
export function createContext(prisma: PrismaClient, viewer: Viewer | null = null, readText?: TextRead): Context {
  return { prisma, loaders: new Loaders(prisma, readText), viewer };
}
