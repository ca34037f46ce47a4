// recordArticle: a whole article and its facts in one call, in the import document's shape
// (README "Adding an article"), loaded in one transaction by the same importer as the CLI.
import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { EDITOR_ROLE } from "../../auth/viewer";
import { BadUserInputError } from "../../errors";
import { InvalidDocumentError, parseArticleDocument } from "../../importer/article-document";
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
      "All or nothing: any error leaves the database as it was. Sending the same document again changes nothing. " +
      "Needs the editor role.",
  })
  async recordArticle(
    @Arg("document", () => GraphQLJSONObject, {
      description: "The article document: the same JSON as `npm run import` takes (see the README).",
    })
    document: Record<string, unknown>,
    @Ctx() { prisma, viewer, loaders }: Context,
  ): Promise<RecordArticlePayload> {
    try {
      const { articleId, facts } = await importArticle(prisma, parseArticleDocument(document), viewer!.subject, "recordArticle");
      return { article: (await loaders.byId("article").load(articleId))!, facts };
    } catch (error) {
      if (error instanceof InvalidDocumentError) {
        const field = ["document", error.path].filter(Boolean).join(".");
        throw new BadUserInputError(error.message, field);
      }
      throw error;
    }
  }
}
