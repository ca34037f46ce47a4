// What every resolver receives: the database client, this request's batching loaders, and the
// viewer its bearer token proves (null for anonymous requests).
import type { Viewer } from "../auth/viewer";
import type { PrismaClient } from "../generated/prisma/client";
import { Loaders } from "./loaders/loaders";

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  viewer: Viewer | null;
}

export function createContext(prisma: PrismaClient, viewer: Viewer | null = null): Context {
  return { prisma, loaders: new Loaders(prisma), viewer };
}
