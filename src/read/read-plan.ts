// What a GraphQL selection needs from the database, as a tree: for each object the columns its
// fields read, and the relations (from the read model) to read ahead with it. Built from a root
// field's resolve info; read-sql.ts turns a plan into one SQL statement.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  type GraphQLField,
  getNamedType,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isLeafType,
  isObjectType,
  isUnionType,
  Kind,
  type SelectionSetNode,
} from "graphql";
import type { ModelName } from "../database/rows";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size";
import { isReadType, type ReadTypeName, type Relation, readModel, type ToMany, type ToOne, type ToVariants, type Variant } from "./read-model";

export interface ReadPlan {
  type: ReadTypeName;
  model: ModelName;
  /** Prisma field names of the columns to read. */
  columns: string[];
  /** Relations read ahead, each with the plan of its rows (of each of its variants' rows). */
  relations: RelationPlan[];
  /** A root connection's `totalCount` is selected: the page's statement counts the matches too. */
  total?: boolean;
}

/** A relation to read, with the plan of its rows, or of each of its variants' rows. */
export type RelationRead =
  | {
      relation: ToOne | ToMany;
      plan: ReadPlan;
      /**
       * A to-many relation's rows to read per parent, when every page asked of it starts at the
       * first row: the largest `first` plus one (whether there is a next page). Absent: all.
       */
      limit?: number;
    }
  | { relation: ToVariants; plans: ReadPlan[] };
export type RelationPlan = RelationRead & { field: string };

/** The columns of each model (Prisma field names), to tell column fields from computed ones. */
export type ColumnsOf = (model: ModelName) => ReadonlySet<string>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  columnsOf: ColumnsOf;
  /** Set when @skip/@include read variables: the plan then holds for this request only. */
  dependsOnVariables: boolean;
}

// Plans are cached per field node of the (cached, parsed) document, so a repeated query plans once.
const cache = new WeakMap<FieldNode, Map<string, ReadPlan | null>>();

/**
 * The read plan of the current field's result, or null when its type is not in the read model.
 * A connection field plans its nodes. `typeName` picks the type for abstract results (`_entities`).
 */
export function planSelection(info: GraphQLResolveInfo, columnsOf: ColumnsOf, typeName?: string): ReadPlan | null {
  const cacheable = info.fieldNodes.length === 1;
  const key = typeName ?? "";
  const cached = cacheable ? cache.get(info.fieldNodes[0])?.get(key) : undefined;
  if (cached !== undefined) return cached;

  const walk: Walk = {
    schema: info.schema,
    fragments: info.fragments,
    variables: info.variableValues,
    columnsOf,
    dependsOnVariables: false,
  };
  const plan = planField(walk, getNamedType(info.returnType), info.fieldNodes, true, typeName);
  if (cacheable && !walk.dependsOnVariables) {
    const byType = cache.get(info.fieldNodes[0]) ?? new Map<string, ReadPlan | null>();
    byType.set(key, plan);
    cache.set(info.fieldNodes[0], byType);
  }
  return plan;
}

/**
 * For a connection of objects outside the read model (timeline events), the plans of one of its
 * nodes' fields whose type is a union of read types: a plan per member type, from the fragments
 * on it; and whether the connection's `totalCount` is selected. Cached per document like the rest.
 */
export function planNodeUnion(
  info: GraphQLResolveInfo,
  columnsOf: ColumnsOf,
  field: string,
): { plans: Map<ReadTypeName, ReadPlan>; total: boolean } {
  const cacheable = info.fieldNodes.length === 1;
  const cached = cacheable ? unionCache.get(info.fieldNodes[0])?.get(field) : undefined;
  if (cached) return cached;
  const walk: Walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues, columnsOf, dependsOnVariables: false };
  const connection = getNamedType(info.returnType) as GraphQLObjectType;
  const { selections, total } = nodeSelections(walk, connection, selectionSets(info.fieldNodes));
  const node = connectionNode(connection) as GraphQLObjectType;
  const under = selectionSets(collectFields(walk, node, selections).get(field) ?? []);
  const union = getNamedType(node.getFields()[field].type);
  if (!isUnionType(union)) throw new Error(`${node.name}.${field} is not a union`);
  const plans = new Map<ReadTypeName, ReadPlan>();
  for (const member of union.getTypes()) {
    if (!isReadType(member.name)) throw new Error(`${member.name} is not in the read model`);
    plans.set(member.name, planObject(walk, member, member.name, under, true));
  }
  const planned = { plans, total };
  if (cacheable && !walk.dependsOnVariables) {
    const byField = unionCache.get(info.fieldNodes[0]) ?? new Map<string, typeof planned>();
    byField.set(field, planned);
    unionCache.set(info.fieldNodes[0], byField);
  }
  return planned;
}

const unionCache = new WeakMap<FieldNode, Map<string, { plans: Map<ReadTypeName, ReadPlan>; total: boolean }>>();

/**
 * The plan of a field's objects: the field's own type, a connection's node type, or `typeName`.
 * `listed`: the objects are a root's or a list's, whose ids are keys and cursors.
 */
function planField(
  walk: Walk,
  type: GraphQLNamedType,
  nodes: readonly FieldNode[],
  listed: boolean,
  typeName?: string,
): ReadPlan | null {
  let target = typeName ? walk.schema.getType(typeName) : type;
  let selections = selectionSets(nodes);
  const node = isObjectType(target) && !typeName ? connectionNode(target) : undefined;
  let total = false;
  if (node && isObjectType(target)) {
    ({ selections, total } = nodeSelections(walk, target, selections));
    target = node;
  }
  if (!isObjectType(target) || !isReadType(target.name)) return null;
  const plan = planObject(walk, target, target.name, selections, listed || !!node);
  return total ? { ...plan, total } : plan;
}

function planObject(
  walk: Walk,
  type: GraphQLObjectType,
  typeName: ReadTypeName,
  selections: SelectionSetNode[],
  listed: boolean,
): ReadPlan {
  const { model, relations } = readModel[typeName];
  const modelColumns = walk.columnsOf(model);
  const declared = relations as Record<string, Relation>;
  // The id of a root's or a list's rows makes keys and cursors; any other row needs it only when
  // selected or for a relation list not read ahead (loaded by the row's id).
  const columns = new Set<string>(listed ? ["id"] : []);
  const plan: ReadPlan = { type: typeName, model, columns: [], relations: [] };
  let wholeRow = false;

  for (const [name, nodes] of collectFields(walk, type, selections)) {
    if (name === "__typename") continue;
    const field = type.getFields()[name];
    const relation = declared[name];
    if (relation?.kind === "variants") {
      // A list of several types: each variant's rows planned from the fragments on its type.
      const { selections: under } = nodeSelections(walk, getNamedType(field.type) as GraphQLObjectType, selectionSets(nodes));
      const plans = pickVariants(walk, field, nodes, relation).map((variant) =>
        planObject(walk, walk.schema.getType(variant.type) as GraphQLObjectType, variant.type as ReadTypeName, under, true),
      );
      plan.relations.push({ field: name, relation, plans });
      columns.add("id");
      continue;
    }
    if (relation) {
      // Read ahead when the related type is in the read model; otherwise its resolver loads it
      // by the row's foreign key (read for it) or id.
      const child = planField(walk, getNamedType(field.type), nodes, false);
      // A narrowed list is read whole, with what its narrowing reads (read-model.ts `Narrowing`).
      const narrowing = relation.kind === "many" ? relation.narrowedBy : undefined;
      const narrowed = !!narrowing && nodes.some((node) => argumentsOf(walk, field, node)[narrowing.argument] != null);
      if (child && narrowed) child.columns = [...new Set([...child.columns, ...narrowing!.columns])];
      const limit = relation.kind === "many" && !narrowed ? firstPages(walk, field, nodes) : undefined;
      if (child) plan.relations.push({ field: name, relation, plan: child, ...(limit !== undefined && { limit }) });
      else columns.add(relation.kind === "one" ? relation.foreignKey : "id");
      continue;
    }
    const fieldType = getNamedType(field.type);
    if (isLeafType(fieldType) && modelColumns.has(name)) {
      columns.add(name);
    } else if (isObjectType(fieldType) && connectionNode(fieldType)) {
      columns.add("id");
    } else {
      // A computed field: its resolver may read any column, so give it the whole row. (Relation
      // lists not read ahead are loaded by the row's id, which is always there.)
      wholeRow = true;
    }
  }
  plan.columns = wholeRow ? [...modelColumns] : [...columns];
  return plan;
}

const selectionSets = (nodes: readonly FieldNode[]): SelectionSetNode[] => nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

/** What a connection's selections ask of its nodes (under edges { node { ... } }), and whether they ask its totalCount. */
function nodeSelections(walk: Walk, connection: GraphQLObjectType, selections: SelectionSetNode[]): { selections: SelectionSetNode[]; total: boolean } {
  const edgeType = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
  const connectionFields = collectFields(walk, connection, selections);
  const edges = connectionFields.get("edges") ?? [];
  const nodeFields = collectFields(walk, edgeType, selectionSets(edges)).get("node") ?? [];
  return { selections: selectionSets(nodeFields), total: connectionFields.has("totalCount") };
}

/**
 * How many rows of a relation list its pages need, when each alias asks for a first page (no
 * `after`, `before` or `last`): the largest `first` (or the default) plus one; else undefined.
 * A size the resolver will refuse reads everything, as before.
 */
function firstPages(walk: Walk, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): number | undefined {
  let rows = 0;
  for (const node of nodes) {
    const args = argumentsOf(walk, field, node);
    if (args.after != null || args.before != null || args.last != null) return undefined;
    const first = (args.first ?? DEFAULT_PAGE_SIZE) as number;
    if (first < 0 || first > MAX_PAGE_SIZE) return undefined;
    rows = Math.max(rows, first + 1);
  }
  return rows;
}

/** A field node's argument values; one read from variables makes the plan this request's only. */
function argumentsOf(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  if (node.arguments?.some((arg) => arg.value.kind === Kind.VARIABLE)) walk.dependsOnVariables = true;
  return getArgumentValues(field, node, walk.variables);
}

/** The variants a field's argument picks (every alias's), or all of them. */
function pickVariants(walk: Walk, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], relation: ToVariants): Variant[] {
  const { argument } = relation;
  if (!argument) return relation.variants;
  const wanted = new Set<unknown>();
  for (const node of nodes) {
    const value = argumentsOf(walk, field, node)[argument];
    if (value == null) return relation.variants;
    wanted.add(value);
  }
  return relation.variants.filter((variant) => wanted.has(variant.when));
}

/** The node type of a connection type (`edges { node }`), if it is one. */
function connectionNode(type: GraphQLObjectType): GraphQLNamedType | undefined {
  const edges = type.getFields().edges;
  if (!edges || !type.name.endsWith("Connection")) return undefined;
  const edge = getNamedType(edges.type);
  return isObjectType(edge) ? getNamedType(edge.getFields().node?.type) : undefined;
}

/** The fields of `selections` that apply to `type`, by field name, through fragments and @skip/@include. */
function collectFields(
  walk: Walk,
  type: GraphQLObjectType,
  selections: readonly SelectionSetNode[],
  into = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const set of selections) {
    for (const selection of set.selections) {
      if (!included(walk, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const list = into.get(selection.name.value) ?? [];
        list.push(selection);
        into.set(selection.name.value, list);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(walk, selection.typeCondition?.name.value, type)) collectFields(walk, type, [selection.selectionSet], into);
      } else {
        const fragment = walk.fragments[selection.name.value];
        if (fragment && applies(walk, fragment.typeCondition.name.value, type)) {
          collectFields(walk, type, [fragment.selectionSet], into);
        }
      }
    }
  }
  return into;
}

function applies(walk: Walk, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const abstract = walk.schema.getType(condition);
  return !!abstract && !isObjectType(abstract) && walk.schema.isSubType(abstract as never, type);
}

function included(walk: Walk, node: { directives?: readonly { arguments?: readonly { value: { kind: Kind } }[] }[] }): boolean {
  if (!node.directives?.length) return true;
  if (node.directives.some((d) => d.arguments?.some((a) => a.value.kind === Kind.VARIABLE))) walk.dependsOnVariables = true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node as never, walk.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as never, walk.variables);
  return include?.if !== false;
}
