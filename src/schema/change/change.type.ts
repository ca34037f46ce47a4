import { DateTimeISOResolver, GraphQLJSON } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({
  description: "One entry of the change log: what an article's recording or correction, or an editor's mutation, changed.",
  simpleResolvers: true,
})
export class Change {
  @Field(() => ID, { description: "Opaque identifier of the entry." })
  id!: string;

  @Field(() => DateTimeISOResolver, { description: "When the change was made." })
  at!: Date;

  @Field({ description: "Who made it: an editor's token subject, or `import` for files loaded from the command line." })
  actor!: string;

  @Field({ description: "How: `import`, `recordArticle`, or the mutation's name (e.g. `updatePerson`, `deletePerson`)." })
  via!: string;

  @Field(() => ID, { nullable: true, description: "The article recorded, when the change came from one (it may since be deleted)." })
  articleId!: string | null;

  @Field(() => String, { nullable: true, description: "That article's slug." })
  articleSlug!: string | null;

  @Field({ description: "The type of what changed, e.g. `Person` or `Article`." })
  entityType!: string;

  @Field(() => ID, { description: "Its id (it may since be deleted)." })
  entityId!: string;

  @Field({ description: "`CREATED`, `UPDATED` (its fields, its claims by the article, or its source links) or `DELETED`." })
  action!: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "The changed fields before (`claims`: the article's claims before; `source`: a withdrawn source link).",
  })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "The same fields after." })
  after!: unknown;
}
