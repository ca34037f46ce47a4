// What subscribers receive (change-events.resolver.ts): built from one committed transaction's
// change-log entries (events/change-feed.ts).
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { Change } from "./change.type";

@ObjectType({ description: "An article was recorded, or a new version of it corrected what it says.", simpleResolvers: true })
export class ArticleRecordedEvent {
  @Field(() => ID, { description: "The article's id." })
  articleId!: string;

  @Field({ description: "The article's slug." })
  articleSlug!: string;

  @Field({ description: "True when this recording created the article; false when a new version of it was recorded." })
  firstRecording!: boolean;

  @Field(() => DateTimeISOResolver, { description: "When it was recorded." })
  at!: Date;

  @Field({ description: "Who recorded it: an editor's token subject, or `import` for files loaded from the command line." })
  actor!: string;

  @Field({ description: "How: `recordArticle` or `import`." })
  via!: string;

  @Field(() => [Change], { description: "What the recording changed, in the order it was made (the article itself first)." })
  changes!: Change[];
}

@ObjectType({ description: "A fact or an article changed: created, updated (its fields, claims or sources) or deleted.", simpleResolvers: true })
export class EntityChangedEvent {
  @Field(() => Change, { description: "The change: what, before and after, by whom and through which article or mutation." })
  change!: Change;
}
