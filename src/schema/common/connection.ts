// Relay-style connections for lists: opaque cursors, stable ordering with the id as the
// tie-breaker, and totalCount computed only when a client selects it.
// Their fields read plain properties, so they use GraphQL's default resolver (`simpleResolvers`)
// rather than type-graphql's per-field wrapper: a large page has thousands of them.
import { type ClassType, Field, Int, ObjectType } from "type-graphql";

/** A union or interface made with type-graphql (they are not classes). */
type GraphQLTypeLike = object;

@ObjectType({ description: "Where a page sits in the whole list.", simpleResolvers: true })
export class PageInfo {
  @Field({ description: "Whether more items follow this page (in the list's order)." })
  hasNextPage!: boolean;

  @Field({ description: "Whether items precede this page." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page; null when empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; null when empty." })
  endCursor!: string | null;
}

export interface Edge<Node> {
  readonly cursor: string;
  readonly node: Node;
}

/**
 * An edge whose cursor is encoded only when read: most queries select the nodes, not every
 * edge's cursor, and a page's encoding was a measurable share of nested reads.
 */
export class LazyEdge<Node> implements Edge<Node> {
  constructor(
    readonly node: Node,
    private readonly encode: (node: Node) => string,
  ) {}

  get cursor(): string {
    return this.encode(this.node);
  }
}

/**
 * Page info whose cursors are encoded only when read: most selections of nested connections ask
 * for no cursor (q2's 50 delegation lists encoded 100 that nobody read).
 */
class LazyPageInfo<Node> implements PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: Edge<Node>[],
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
  /** Read only when the field is selected, so it can be a getter that counts on demand. */
  readonly totalCount: Promise<number>;
}

/**
 * A connection whose totalCount is counted only when read. A class, not an object literal with
 * `get totalCount()`: V8 gives each such literal a hidden class of its own, kept in the old
 * generation until the next full collection, and whatever the getter's closure reaches (here the
 * request's rows) then survives every young-generation collection and is promoted
 * (docs/performance.md, "Memory"). A getter on the prototype costs nothing of the kind.
 */
export class LazyConnection<Node> implements Connection<Node> {
  readonly pageInfo: PageInfo;

  constructor(
    readonly edges: Edge<Node>[],
    more: { hasNextPage: boolean; hasPreviousPage: boolean },
    private readonly count: () => Promise<number>,
  ) {
    this.pageInfo = new LazyPageInfo(more.hasNextPage, more.hasPreviousPage, edges);
  }

  get totalCount(): Promise<number> {
    return this.count();
  }
}

/** Builds the `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<Node extends object>(
  name: string,
  node: ClassType<Node> | GraphQLTypeLike,
  noun: string,
) {
  @ObjectType(`${name}Edge`, { description: `One ${noun} in a page, with its cursor.`, simpleResolvers: true })
  class EdgeType {
    @Field({ description: "Opaque cursor: pass it as `after` or `before` to page from this item." })
    cursor!: string;

    @Field(() => node, { description: `The ${noun}.` })
    node!: Node;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${noun} items.`, simpleResolvers: true })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: "The items of this page, in order." })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: "Cursors and whether more pages exist." })
    pageInfo!: PageInfo;

    // A resolver of its own (not simple): the value is a promise, which executors that inline
    // plain property reads (graphql-jit) would not wait for.
    @Field(() => Int, {
      description: "Number of items in the whole list (all pages), counted only when asked.",
      simple: false,
    })
    totalCount!: number;
  }
  return ConnectionClass;
}
