// What every resolver receives: the database client and this request's batching loaders.
import type { PrismaClient } from "../generated/prisma/client";
import { Loaders } from "./loaders/loaders";

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
}

export function createContext(prisma: PrismaClient): Context {
  return { prisma, loaders: new Loaders(prisma) };
}
