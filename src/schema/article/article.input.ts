import { url } from "../../validation";
import { dateField, nameField, slugField } from "../writes/fields";
import { defineWrites } from "../writes/write-spec";
import { Article } from "./article.type";

export const articleWrites = defineWrites({
  name: "Article",
  model: "article",
  type: Article,
  fields: {
    slug: slugField("Stable key."),
    title: nameField("Headline.", { required: true }),
    publisher: nameField("Who published it.", { required: true }),
    agency: nameField("The news agency the report comes from."),
    publishedOn: dateField("Publication date", { required: true }),
    url: { graphql: () => String, schema: url, description: "Where it can be read." },
  },
});
