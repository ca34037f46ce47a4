// Depth, alias, directive and cost limits of the operation a request runs, checked once Apollo
// has parsed and validated the document and picked the operation, before anything executes.
//
// Why our own code and not @escape.tech/graphql-armor (3.2, which does support Apollo Server 5
// and graphql 16): on Apollo every armor refusal reaches clients as BAD_USER_INPUT with a
// "Syntax Error:" prefix, and the measured value exists only inside its message text, so a
// distinct code and message per limit would mean parsing armor's messages; its cost limit reads
// `first`/`last` only as literals (`first: $n` counts as 1, an easy bypass) and weighs fields by
// depth rather than by page sizes. Its rules also run as validation rules, where variable values
// are unknown; here, after validation, they are known, and the document is known to be valid (no
// unknown fields, no fragment cycles), which keeps this measuring simple.
import {
  type ArgumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  valueFromASTUntyped,
} from "graphql";
import type { RequestHooks, RequestPlugin } from "../plugins/request-plugins";
import { LimitCode, LimitExceededError } from "./limit-error";
import { fragmentsOf } from "../document-fragments";
import { DEFAULT_PAGE_SIZE } from "../../read/page-size";

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
}

/** What one operation measures. */
export interface OperationMeasure {
  /** Nesting of fields: `{ a { b } }` is 2. Fragments add no level. */
  depth: number;
  /** Aliased fields, counted once per place a fragment is spread. */
  aliases: number;
  /** Directive uses (on the operation, its variables, fields and fragments). */
  directives: number;
  /**
   * The most objects the response can hold: each field of object, interface or union type counts
   * once per instance it can have, and what a connection's `edges` hold counts once per item of
   * its page, `first` or `last` (DEFAULT_PAGE_SIZE when neither is given). The edge objects
   * themselves (a node and its cursor) and scalars are free.
   */
  cost: number;
}

export { DEFAULT_PAGE_SIZE };

/**
 * Introspection's nesting is bounded by graphql-js's MaxIntrospectionDepthRule, so it adds no
 * depth here; it does cost (its lists count as default pages, like any list of objects), so
 * that many aliased copies of it cannot multiply a response's size.
 */
const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/** Measures `operation` of a validated document, with the request's variable values. */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): OperationMeasure {
  return measureReading(schema, operation, fragments, variables).measure;
}

/**
 * `measureOperation`, and the variables whose values it read (page sizes or representations given
 * as `$x`): the measure is the same for any request that gives those the same values.
 */
function measureReading(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): { measure: OperationMeasure; variablesRead: string[] } {
  const values = withDefaults(operation, variables);
  const memo = new Map<string, OperationMeasure>();
  const variablesRead = new Set<string>();
  const argumentValue = (args: readonly ArgumentNode[] | undefined, name: string): unknown => {
    const arg = args?.find((candidate) => candidate.name.value === name);
    if (!arg) return undefined;
    variablesIn(arg.value, variablesRead);
    return valueFromASTUntyped(arg.value, values);
  };

  const measureSelections = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType | undefined,
    page: number | undefined,
  ): OperationMeasure => {
    const total: OperationMeasure = { depth: 0, aliases: 0, directives: 0, cost: 0 };
    for (const selection of selectionSet.selections) {
      total.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) total.aliases += 1;
        const field = fieldOf(schema, parentType, selection.name.value);
        if (!selection.selectionSet) {
          total.depth = Math.max(total.depth, 1);
          continue;
        }
        const type = field ? getNamedType(field.type) : undefined;
        const inner = measureSelections(selection.selectionSet, type, isConnection(type) ? pageSize(selection.arguments, argumentValue) : undefined);
        total.aliases += inner.aliases;
        total.directives += inner.directives;
        if (!INTROSPECTION_ROOTS.has(selection.name.value)) total.depth = Math.max(total.depth, 1 + inner.depth);
        const instances = instancesPerParent(selection.name.value, field, selection.arguments, argumentValue, page);
        // An edge only wraps its node (and a cursor): the node counts, the edge does not.
        const own = selection.name.value === "edges" && page !== undefined ? 0 : 1;
        total.cost += instances * (own + inner.cost);
      } else {
        let inner: OperationMeasure;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
          inner = measureSelections(selection.selectionSet, type ?? undefined, page);
        } else {
          const name = selection.name.value;
          const key = `${name}:${page ?? ""}`;
          let known = memo.get(key);
          const fragment = fragments.get(name);
          if (!known && fragment) {
            known = measureSelections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, page);
            known.directives += fragment.directives?.length ?? 0;
            memo.set(key, known);
          }
          inner = known ?? { depth: 0, aliases: 0, directives: 0, cost: 0 };
        }
        total.depth = Math.max(total.depth, inner.depth);
        total.aliases += inner.aliases;
        total.directives += inner.directives;
        total.cost += inner.cost;
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const measure = measureSelections(operation.selectionSet, root, undefined);
  measure.directives += operation.directives?.length ?? 0;
  for (const definition of operation.variableDefinitions ?? []) measure.directives += definition.directives?.length ?? 0;
  return { measure, variablesRead: [...variablesRead] };
}

/** Refuses, with its own code, the first limit an operation exceeds (depth, aliases, directives, cost). */
export function checkOperationLimits(measure: OperationMeasure, limits: OperationLimits): void {
  const checks: [LimitCode, number, number][] = [
    [LimitCode.QUERY_TOO_DEEP, measure.depth, limits.maxDepth],
    [LimitCode.TOO_MANY_ALIASES, measure.aliases, limits.maxAliases],
    [LimitCode.TOO_MANY_DIRECTIVES, measure.directives, limits.maxDirectives],
    [LimitCode.QUERY_TOO_COSTLY, measure.cost, limits.maxCost],
  ];
  for (const [code, actual, maximum] of checks) {
    if (actual > maximum) throw new LimitExceededError(code, maximum, actual);
  }
}

/**
 * The plugin: an error thrown from `didResolveOperation` becomes the response (with its code and
 * HTTP status) before execution starts.
 */
export function operationLimitsPlugin(limits: OperationLimits): RequestPlugin {
  // Measures by operation, and by the values of the variables each one read: Apollo's document
  // store hands the same parsed document for the same query text, so a repeated query is measured
  // once (`first: $n` once per value of $n, up to MEASURES_PER_OPERATION values), not on every request.
  const measured = new WeakMap<OperationDefinitionNode, { variablesRead: string[]; byValues: Map<string, OperationMeasure> }>();
  const hooks: RequestHooks = {
    didResolveOperation({ schema, document, operation, request }) {
      if (!operation) return; // Apollo answers that itself
      const variables = request.variables ?? {};
      const known = measured.get(operation);
      let measure = known?.byValues.get(valuesKey(operation, known.variablesRead, variables));
      if (!measure) {
        const reading = measureReading(schema, operation, fragmentsOf(document), variables);
        measure = reading.measure;
        const kept = known ?? { variablesRead: reading.variablesRead, byValues: new Map<string, OperationMeasure>() };
        measured.set(operation, kept);
        // The walk reads the same arguments whatever their values; kept only when it did.
        const sameVariables = reading.variablesRead.join() === kept.variablesRead.join();
        if (sameVariables && kept.byValues.size < MEASURES_PER_OPERATION) kept.byValues.set(valuesKey(operation, kept.variablesRead, variables), measure);
      }
      checkOperationLimits(measure, limits);
    },
  };
  return () => hooks;
}

/** Measures kept per operation, each for other values of its variables (so that varied values cannot grow the cache). */
const MEASURES_PER_OPERATION = 16;

/**
 * What a measure depends on among the request's variables: a list counts by its length (only
 * `_entities`' representations are read as a list), anything else by its JSON.
 */
function valuesKey(operation: OperationDefinitionNode, names: string[], variables: Record<string, unknown>): string {
  if (names.length === 0) return "";
  const values = withDefaults(operation, variables);
  return names.map((name) => (Array.isArray(values[name]) ? `#${values[name].length}` : (JSON.stringify(values[name]) ?? "-"))).join(",");
}

function fieldOf(schema: GraphQLSchema, parentType: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  // The introspection roots are not among the query type's own fields.
  if (parentType !== undefined && parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  if (!parentType || !(isObjectType(parentType) || isInterfaceType(parentType))) return undefined;
  return parentType.getFields()[name];
}

/** A Relay connection type: it has `edges` and `pageInfo`. */
function isConnection(type: GraphQLNamedType | undefined): boolean {
  if (!type || !(isObjectType(type) || isInterfaceType(type))) return false;
  const fields = type.getFields();
  return "edges" in fields && "pageInfo" in fields;
}

/** Reads an argument's value (variables substituted) from a field's arguments. */
type ArgumentReader = (args: readonly ArgumentNode[] | undefined, name: string) => unknown;

/** How many objects one instance of the parent gets from this field. */
function instancesPerParent(
  name: string,
  field: GraphQLField<unknown, unknown> | undefined,
  args: readonly ArgumentNode[] | undefined,
  argumentValue: ArgumentReader,
  page: number | undefined,
): number {
  if (!field || !isListType(getNullableType(field.type))) return 1;
  if (name === "edges" && page !== undefined) return page;
  // Federation's `_entities` returns one object per representation it is given.
  const representations = argumentValue(args, "representations");
  if (name === "_entities" && Array.isArray(representations)) return representations.length;
  // Any other list of objects is assumed to be as long as a default page.
  return isCompositeType(getNamedType(field.type)) ? DEFAULT_PAGE_SIZE : 1;
}

/** A connection field's page: `first`, else `last`, else the default; what is not a count counts as the default. */
function pageSize(args: readonly ArgumentNode[] | undefined, argumentValue: ArgumentReader): number {
  // Both read, whatever `first` is: the measure depends on both variables (a kept measure is keyed by them).
  const values = [argumentValue(args, "first"), argumentValue(args, "last")];
  const count = values.find((value) => typeof value === "number" && Number.isFinite(value)) as number | undefined;
  return count === undefined ? DEFAULT_PAGE_SIZE : Math.max(0, Math.trunc(count));
}

/** Adds the names of the variables a value is or holds to `names`. */
function variablesIn(value: ValueNode, names: Set<string>): void {
  if (value.kind === Kind.VARIABLE) names.add(value.name.value);
  else if (value.kind === Kind.LIST) for (const item of value.values) variablesIn(item, names);
  else if (value.kind === Kind.OBJECT) for (const field of value.fields) variablesIn(field.value, names);
}

/** The request's variables, with the operation's defaults for those it left out. */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return values;
}
