// recordArticle: a whole article and its facts in one call, in the import document's shape
// (docs/recording-articles.md), loaded in one transaction by the same importer as the CLI.
import { GraphQLError } from "graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { EDITOR_ROLE } from "../../auth/viewer";
import { BadUserInputError, ErrorCode } from "../../errors";
import { ArticleConflictError } from "../../importer/article-identity";
import { InvalidDocumentError } from "../../importer/document-issues";
import { importArticle } from "../../importer/import-article";
import type { Context } from "../context";
import { Article } from "./article.type";

@ObjectType({ description: "What recordArticle stored." })
export class RecordArticlePayload {
  @Field(() => Article, { description: "The article." })
  article!: Article;

  @Field(() => Int, { description: "How many facts the article is now recorded as the source of." })
  facts!: number;
}

@Resolver()
export class RecordArticleResolver {
  @Authorized(EDITOR_ROLE)
  @Mutation(() => RecordArticlePayload, {
    description:
      "Records an article with all its facts (people, organizations, meetings, delegations, ceasefires, " +
      "statements, plans), creating or updating each by its natural key and linking it to the article. " +
      "All or nothing: any error leaves the database as it was, and every error of the document is reported at once " +
      "(BAD_USER_INPUT, listed in `extensions.errors`). Sending the same document again changes nothing; a different " +
      "article (publisher, publishedOn or url) under a recorded article's slug is CONFLICT. " +
      "Needs the editor role.",
  })
  async recordArticle(
    @Arg("document", () => GraphQLJSONObject, {
      description: "The article document: the same JSON as `npm run import` takes (see docs/recording-articles.md).",
    })
    document: Record<string, unknown>,
    @Ctx() { prisma, viewer, loaders }: Context,
  ): Promise<RecordArticlePayload> {
    try {
      const { articleId, facts } = await importArticle(prisma, document, viewer!.subject, "recordArticle");
      return { article: (await loaders.byId("article").load(articleId))!, facts };
    } catch (error) {
      if (error instanceof InvalidDocumentError) {
        // `field` names the first error (as for every other mutation); `errors` lists them all.
        const field = ["document", error.issues[0]?.path].filter(Boolean).join(".");
        throw new BadUserInputError(error.message, field, {
          errors: error.issues,
          ...(error.omitted ? { omittedErrors: error.omitted } : {}),
        });
      }
      if (error instanceof ArticleConflictError) {
        throw new GraphQLError(error.message, {
          extensions: { code: ErrorCode.CONFLICT, field: "document.article.slug", http: { status: 409 } },
        });
      }
      throw error;
    }
  }
}
