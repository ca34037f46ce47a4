// Subscriptions to the change log as it grows, on every server (events/change-feed.ts), served
// over WebSocket (server/subscriptions). Each event's selection is read like a query's: the
// fact or article it names, with what the subscription selects of them, in one statement when
// the selection compiles (read/read-sql.ts), from the primary, which has the change.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import { BadUserInputError } from "../../errors";
import type { ChangeBatch } from "../../events/change-feed";
import { Article } from "../article/article.type";
import type { Context } from "../context";
import { Fact } from "../fact/fact.interface";
import { FactKind, factKindOfType, factKinds, tagFact } from "../fact/fact-kind";
import { checkedId } from "../common/keys";
import { notFound } from "../writes/write-resolver";
import type { Change } from "./change.type";
import { ArticleRecordedEvent, EntityChangedEvent } from "./change-event.type";

/** What a subscription to one entity receives per change; the event type's fields read it. */
interface EntityChange {
  change: Change;
}

interface ArticleRecordedArgs {
  slug?: string | null;
}

interface EntityChangedArgs {
  id?: string | null;
  kind?: FactKind | null;
  key?: string | null;
}

/** The change source of a WebSocket connection's context (server/subscriptions); none over HTTP. */
function changesOf(context: Context) {
  if (!context.changes) throw new BadUserInputError("Subscriptions are served over WebSocket at /graphql (graphql-transport-ws).");
  return context.changes;
}

/** Batches that recorded an article (its slug, when given): imports and recordArticle. */
function articleRecordings({ args, context }: SubscribeResolverData<unknown, ArticleRecordedArgs, Context>) {
  return changesOf(context).subscribe((batch) =>
    batch.article && (!args.slug || batch.article.slug === args.slug) ? [batch] : [],
  );
}

/** One event per change to the entity named by id, or by kind and natural key. */
async function entityChanges({ args, context }: SubscribeResolverData<unknown, EntityChangedArgs, Context>) {
  const changes = changesOf(context);
  const id = await entityIdOf(args, context);
  // The change-log rows themselves, shared by every subscriber of the batch (so are their reads).
  return changes.subscribe((batch) => batch.changes.filter((change) => change.entityId === id));
}

/** The id of the entity to follow: given, or looked up by its slug (a country's ISO code). */
async function entityIdOf({ id, kind, key }: EntityChangedArgs, { prisma }: Context): Promise<string> {
  if (id) {
    if (kind || key) throw new BadUserInputError("Give either `id`, or `kind` and `key`, not both.", "id");
    return checkedId(id, "id");
  }
  if (!kind || !key) throw new BadUserInputError("Give the entity's `id`, or its `kind` and `key` (slug, or ISO code for a country).", "id");
  if (kind === FactKind.DELEGATION || kind === FactKind.DELEGATION_MEMBER) {
    throw new BadUserInputError(`A ${factKinds[kind].typeName} has no natural key: give its \`id\`.`, "kind");
  }
  const { model } = factKinds[kind];
  const column = kind === FactKind.COUNTRY ? "code" : "slug";
  const value = kind === FactKind.COUNTRY ? key.toUpperCase() : key;
  const table = prisma[model] as unknown as { findUnique(args: object): Promise<{ id: string } | null> };
  const row = await table.findUnique({ where: { [column]: value }, select: { id: true } });
  if (!row) throw notFound(model, key);
  return row.id;
}

@Resolver(() => ArticleRecordedEvent)
export class ArticleRecordedResolver {
  @Subscription(() => ArticleRecordedEvent, {
    description:
      "An event each time an article is recorded (recordArticle, or an import), or a new version of it corrects what " +
      "it said; only for the article with `slug` when given. Served over WebSocket at /graphql (graphql-transport-ws).",
    subscribe: articleRecordings,
  })
  articleRecorded(
    @Root() batch: ChangeBatch,
    @Arg("slug", () => String, { nullable: true, description: "Only this article." }) _slug: string | null,
  ): ArticleRecordedEvent {
    const article = batch.article!;
    return {
      articleId: article.id,
      articleSlug: article.slug,
      firstRecording: batch.changes.some((change) => change.entityId === article.id && change.action === "CREATED"),
      at: batch.at,
      actor: batch.actor,
      via: batch.via,
      changes: batch.changes,
    };
  }

  @FieldResolver(() => Article, { nullable: true, description: "The article as it is now (null if it has since been deleted)." })
  article(@Root() event: ArticleRecordedEvent, @Ctx() { loaders }: Context) {
    return loaders.byId("article").load(event.articleId);
  }
}

@Resolver(() => EntityChangedEvent)
export class EntityChangedResolver {
  @Subscription(() => EntityChangedEvent, {
    description:
      "An event each time one fact or article changes: by `id`, or by `kind` and `key` (its slug; a country's ISO " +
      "code). Served over WebSocket at /graphql (graphql-transport-ws).",
    subscribe: entityChanges,
  })
  entityChanged(
    @Root() change: Change,
    @Arg("id", () => ID, { nullable: true, description: "The fact's or article's id." }) _id: string | null,
    @Arg("kind", () => FactKind, { nullable: true, description: "The kind of fact named by `key`." }) _kind: FactKind | null,
    @Arg("key", () => String, { nullable: true, description: "The fact's slug, or a country's ISO code." }) _key: string | null,
  ): EntityChange {
    return { change };
  }

  @FieldResolver(() => Fact, {
    nullable: true,
    description: "The fact as it is now, with what the subscription selects of it (null once deleted, and for an article).",
  })
  async entity(@Root() { change }: EntityChange, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    if (change.entityType === "Article") return null;
    const kind = factKindOfType(change.entityType);
    // The fact and the relations the selection asks for, in one statement when it compiles.
    const plan = loaders.plan(info, change.entityType);
    const row = plan ? await loaders.selected(plan).load(change.entityId) : await loaders.byId(factKinds[kind].model).load(change.entityId);
    return row ? tagFact(kind, row) : null;
  }

  @FieldResolver(() => Article, {
    nullable: true,
    description: "The article whose recording made the change, as it is now (null for an editor's mutation, or once deleted).",
  })
  article(@Root() { change }: EntityChange, @Ctx() { loaders }: Context) {
    return change.articleId ? loaders.byId("article").load(change.articleId) : null;
  }
}
