import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { OrderDirection, type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import type { Grouping } from "../../read/analyst-sql";
import { PaginationArgs } from "../common/pagination.args";
import { DateScalar } from "../common/scalars";

@InputType({ description: "Conditions an article must meet; all given ones apply." })
export class ArticleFilter {
  @Field(() => DateScalar, { nullable: true, description: "Published on or after this date." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Published on or before this date." })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: "Published by this publisher, written as recorded (e.g. `AFP`)." })
  publisher?: string | null;
}

export enum ArticleOrderField {
  PUBLISHED_ON = "PUBLISHED_ON",
  TITLE = "TITLE",
  PUBLISHER = "PUBLISHER",
}
registerEnumType(ArticleOrderField, { name: "ArticleOrderField", description: "Fields articles can be ordered by." });

export const articleOrderings: ColumnOrderings<ArticleOrderField> = {
  PUBLISHED_ON: { field: "publishedOn", nullable: false, isDate: true },
  TITLE: { field: "title", nullable: false },
  PUBLISHER: { field: "publisher", nullable: false },
};

export const ArticleOrder = OrderInputType("Article", ArticleOrderField, ArticleOrderField.PUBLISHED_ON, OrderDirection.DESC);

@ArgsType()
export class ArticlesArgs extends PaginationArgs {
  @Field(() => ArticleFilter, { nullable: true, description: "Only articles that match." })
  filter?: ArticleFilter | null;

  @Field(() => ArticleOrder, { nullable: true, description: "Order; by default newest first." })
  orderBy?: OrderInput<ArticleOrderField> | null;
}

export enum ArticleGrouping {
  MONTH = "MONTH",
  YEAR = "YEAR",
  PUBLISHER = "PUBLISHER",
}
registerEnumType(ArticleGrouping, {
  name: "ArticleGrouping",
  description: "What articles are counted by.",
  valuesConfig: {
    MONTH: { description: "The month they were published (`2025-12`)." },
    YEAR: { description: "The year they were published." },
    PUBLISHER: { description: "Their publisher, as recorded." },
  },
});

export const articleGroupings: Record<ArticleGrouping, Grouping> = {
  MONTH: { kind: "period", field: "publishedOn", unit: "month" },
  YEAR: { kind: "period", field: "publishedOn", unit: "year" },
  PUBLISHER: { kind: "column", field: "publisher" },
};
