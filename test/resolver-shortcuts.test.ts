// Relation fields read ahead and connections' totalCount skip type-graphql's resolver wrapper
// (src/schema/read-ahead-resolvers.ts). The wrapper is also where @Authorized and
// middlewares run, so the schema must refuse to build when such a field gets either.
import "reflect-metadata";
import { getMetadataStorage } from "type-graphql";
import { buildNewsgraphSubgraphSchema } from "../src/schema/federation/subgraph";
import { answerReadAheadRelations, readConnectionCountsDirectly } from "../src/schema/read-ahead-resolvers";
import { readModel } from "../src/read/read-model";

beforeAll(() => buildNewsgraphSubgraphSchema());

const noop = () => undefined;

test("a read-ahead relation field with authorization fails the build", () => {
  const storage = getMetadataStorage();
  const resolver = storage.fieldResolvers.find(
    (metadata) => metadata.schemaName === "delegations" && (metadata.getObjectType?.() as { name?: string })?.name === "Meeting",
  )!;
  const resolvers = Object.fromEntries(
    Object.entries(readModel).map(([type, { relations }]) => [type, Object.fromEntries(Object.keys(relations).map((field) => [field, noop]))]),
  );
  expect(() => answerReadAheadRelations({ ...resolvers, Meeting: { ...resolvers.Meeting } })).not.toThrow();
  resolver.roles = ["EDITOR"];
  try {
    expect(() => answerReadAheadRelations({ ...resolvers, Meeting: { ...resolvers.Meeting } })).toThrow(
      "Meeting.delegations has authorization or middlewares",
    );
  } finally {
    resolver.roles = undefined;
  }
});

test("a connection's totalCount with a middleware fails the build", () => {
  const storage = getMetadataStorage();
  const field = storage.fields.find((metadata) => metadata.schemaName === "totalCount")!;
  const typeName = storage.objectTypes.find((type) => type.target === field.target)!.name;
  expect(() => readConnectionCountsDirectly({ [typeName]: { totalCount: noop } })).not.toThrow();
  field.middlewares = [async () => undefined];
  try {
    expect(() => readConnectionCountsDirectly({ [typeName]: { totalCount: noop } })).toThrow(
      `${typeName}.totalCount has authorization or middlewares`,
    );
  } finally {
    field.middlewares = [];
  }
});
