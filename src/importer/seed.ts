// The seed: every article document under prisma/seed/, imported in file-name order.
import fs from "node:fs";
import path from "node:path";
import { paths } from "../config";
import { importArticle, type ImportResult } from "./import-article";
import type { PrismaClient } from "../generated/prisma/client";

export async function seed(prisma: PrismaClient, directory = paths.seedArticles): Promise<ImportResult[]> {
  const files = fs.readdirSync(directory).filter((name) => name.endsWith(".json")).sort();
  const results: ImportResult[] = [];
  for (const file of files) {
    results.push(await importArticle(prisma, JSON.parse(fs.readFileSync(path.join(directory, file), "utf8"))));
  }
  return results;
}

/** True when no article has been loaded yet (a fresh database). */
export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.article.count()) === 0;
}
