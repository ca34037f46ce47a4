// Checks a whole article document before anything is written: what parseArticleDocument checks,
// plus that every key it refers to is defined in it or already stored. All errors are reported
// together. The import runs it inside its transaction, on the primary (never a read replica that
// may lag behind), so what it finds stored is what the import then links to.
import type { PrismaClient } from "../generated/prisma/client";
import { type ArticleDocument, readArticleDocument } from "./article-document";
import { externalReferences, type ReferableKind } from "./document-keys";
import { type DocumentIssue, InvalidDocumentError } from "./document-issues";

/** The tables a document can refer to: a client, or a transaction's. */
export type ReferenceReader = Pick<PrismaClient, ReferableKind>;

export async function checkArticleDocument(prisma: ReferenceReader, input: unknown): Promise<ArticleDocument> {
  const { document, issues } = readArticleDocument(input);
  issues.push(...(await findMissingReferences(prisma, input)));
  if (!document || issues.length) throw new InvalidDocumentError(issues);
  return document;
}

async function findMissingReferences(prisma: ReferenceReader, input: unknown): Promise<DocumentIssue[]> {
  const references = externalReferences(input);
  const wanted = new Map<ReferableKind, Set<string>>();
  for (const { kind, key } of references) wanted.set(kind, (wanted.get(kind) ?? new Set()).add(key));
  const stored = new Set<string>();
  // One query per kind, however many references the document makes.
  for (const [kind, keys] of wanted) {
    for (const key of await storedKeys(prisma, kind, [...keys])) stored.add(`${kind}|${key}`);
  }
  return references
    .filter(({ kind, key }) => !stored.has(`${kind}|${key}`))
    .map(({ kind, key, path }) => ({ path, message: `no ${kind} with key "${key}" in the document or the database` }));
}

async function storedKeys(prisma: ReferenceReader, kind: ReferableKind, keys: string[]): Promise<string[]> {
  if (kind === "country") {
    return (await prisma.country.findMany({ where: { code: { in: keys } }, select: { code: true } })).map((row) => row.code);
  }
  const delegate = prisma[kind] as unknown as SlugLister;
  return (await delegate.findMany({ where: { slug: { in: keys } }, select: { slug: true } })).map((row) => row.slug);
}

/** The one call storedKeys makes on the slug-keyed delegates; their generated types do not unify. */
interface SlugLister {
  findMany(args: { where: { slug: { in: string[] } }; select: { slug: true } }): Promise<{ slug: string }[]>;
}
