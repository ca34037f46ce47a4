// Prometheus metrics (prom-client), served at GET /metrics: GraphQL requests and errors by
// operation, request latency, SQL statements, connection pool usage, read replicas' lag, database
// availability and Node's process metrics. Each server has its own registry, so several can share a process.
import { constants, PerformanceObserver } from "node:perf_hooks";
import v8 from "node:v8";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { statementCountsByTarget } from "./statement-counter";
import type { DatabaseAvailability } from "./database-availability";

/** Operation names come from clients: past this many distinct ones, new names count as "other". */
const MAX_OPERATION_LABELS = 100;

/** Usage of one connection pool (metrics). */
export interface PoolStats {
  /** "primary", or "replica-1", "replica-2", ... in the order of DATABASE_REPLICA_URLS. */
  target: string;
  /** Open connections; `idle` of them are not in use. */
  total: number;
  idle: number;
  /** Queries queued for a connection because all `max` are in use. */
  waiting: number;
  max: number;
}

/** How far a read replica is behind the primary (pg_last_wal_receive_lsn/replay_lsn on the replica). */
export interface ReplicaLag {
  target: string;
  /** WAL the replica has received but not replayed yet. */
  bytes: number;
  /** Age of the last replayed transaction while WAL waits to be replayed; 0 when all is replayed, NaN when unknown. */
  seconds: number;
}

/** What the metrics read of the database (database/database.ts provides it). */
export interface DatabaseStats {
  /** Connection pool usage, the primary's first. */
  stats(): PoolStats[];
  /** Each read replica's lag, asked now. */
  replicaLag(): Promise<ReplicaLag[]>;
}

export interface MetricsSources {
  database: DatabaseStats;
  availability: DatabaseAvailability;
  /** GraphQL requests waiting for their turn now (server/middleware/request-queue.ts). */
  requestsWaiting?: () => number;
}

export interface GraphQLObservation {
  /** The operation's name, "anonymous", or "unresolved" when parsing or validation failed. */
  operation: string;
  outcome: "ok" | "error" | "aborted";
  errorCodes: string[];
  durationSeconds: number;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<"operation" | "outcome">;
  private readonly errors: Counter<"operation" | "code">;
  private readonly duration: Histogram<"operation">;
  private readonly gcObserver: PerformanceObserver;
  /** Failed Redis commands and connection errors of the persisted-query store (server/persisted-queries.ts). */
  readonly redisErrors: Counter;
  /** WebSocket connections that have sent `connection_init` and been accepted (server/subscriptions). */
  readonly websocketConnections: Gauge;
  /** Subscriptions open on this server. */
  readonly subscriptions: Gauge;
  /** Events handed to subscribers (one per subscriber per committed change batch). */
  readonly subscriptionEvents: Counter;
  /** Requests refused under TRUSTED_DOCUMENTS_ONLY, by error code (server/trusted-documents.ts). */
  readonly trustedDocumentRefusals: Counter<"code">;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: "newsgraph_graphql_requests_total",
      help: "GraphQL requests by operation name and outcome (ok: no errors; error: at least one error)",
      labelNames: ["operation", "outcome"],
      registers,
    });
    this.errors = new Counter({
      name: "newsgraph_graphql_errors_total",
      help: "Errors in GraphQL responses by operation name and error code",
      labelNames: ["operation", "code"],
      registers,
    });
    this.duration = new Histogram({
      name: "newsgraph_graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL request to sending its response",
      labelNames: ["operation"],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.redisErrors = new Counter({
      name: "newsgraph_apq_redis_errors_total",
      help:
        "Errors of the Redis that keeps persisted queries (each one answered as a persisted query not found) or the trusted documents (a document not cached in the process refused with SERVICE_UNAVAILABLE)",
      registers,
    });
    this.trustedDocumentRefusals = new Counter({
      name: "newsgraph_trusted_document_refusals_total",
      help: "Requests refused under TRUSTED_DOCUMENTS_ONLY before execution, by error code (PERSISTED_QUERY_NOT_IN_LIST, QUERY_NOT_IN_SAFELIST, SERVICE_UNAVAILABLE, BAD_REQUEST)",
      labelNames: ["code"],
      registers,
    });
    this.websocketConnections = new Gauge({
      name: "newsgraph_websocket_connections",
      help: "Accepted WebSocket connections (subscriptions) open on this server",
      registers,
    });
    this.subscriptions = new Gauge({ name: "newsgraph_subscriptions", help: "Subscriptions open on this server", registers });
    new Gauge({
      name: "newsgraph_graphql_requests_waiting",
      help: "GraphQL requests read and waiting for their turn (GRAPHQL_MAX_CONCURRENT_REQUESTS are handled at once)",
      registers,
      collect() {
        this.set(sources.requestsWaiting?.() ?? 0);
      },
    });
    this.subscriptionEvents = new Counter({
      name: "newsgraph_subscription_batches_delivered_total",
      help: "Committed change batches handed to subscriptions, once per subscription (before each one's filter)",
      registers,
    });
    new Counter({
      name: "newsgraph_sql_statements_total",
      help: "SQL statements sent to the database, by connection pool (primary, replica-N)",
      labelNames: ["target"],
      registers,
      collect() {
        this.reset();
        for (const [target, count] of statementCountsByTarget()) this.inc({ target }, count);
      },
    });
    const poolGauge = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["target"],
        registers,
        collect() {
          for (const stats of sources.database.stats()) this.set({ target: stats.target }, read(stats));
        },
      });
    poolGauge("newsgraph_db_pool_connections", "Open connections in the pool", (s) => s.total);
    poolGauge("newsgraph_db_pool_idle_connections", "Open connections not in use", (s) => s.idle);
    poolGauge("newsgraph_db_pool_waiting_queries", "Queries waiting for a free connection", (s) => s.waiting);
    poolGauge("newsgraph_db_pool_max_connections", "Most connections the pool opens", (s) => s.max);
    // Read replicas' lag, asked of each replica at scrape time: one that does not answer (or is
    // no standby) has no sample rather than a stale one. prom-client collects the two gauges
    // together, so they share one question to the replicas per scrape.
    let askingReplicas: Promise<ReplicaLag[]> | undefined;
    const replicaLags = () => (askingReplicas ??= sources.database.replicaLag().finally(() => (askingReplicas = undefined)));
    const lagGauge = (name: string, help: string, read: (lag: ReplicaLag) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["target"],
        registers,
        async collect() {
          const lags = await replicaLags();
          this.reset();
          for (const lag of lags) this.set({ target: lag.target }, read(lag));
        },
      });
    lagGauge("newsgraph_db_replica_lag_bytes", "WAL a read replica has received but not replayed yet", (lag) => lag.bytes);
    lagGauge(
      "newsgraph_db_replica_lag_seconds",
      "Age of the last transaction a read replica replayed while it has WAL left to replay (0 when it has replayed all)",
      (lag) => lag.seconds,
    );
    // The heap that survives a full collection: what grows under a leak, unlike the heap or RSS
    // in between collections (a sawtooth). Read when a major GC has just run.
    const heapAfterGc = new Gauge({
      name: "newsgraph_heap_used_after_major_gc_bytes",
      help: "V8 heap in use right after the last major (mark-sweep-compact) garbage collection",
      registers,
    });
    this.gcObserver = new PerformanceObserver((list) => {
      const major = list
        .getEntries()
        .some((entry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
      if (major) heapAfterGc.set(v8.getHeapStatistics().used_heap_size);
    });
    this.gcObserver.observe({ entryTypes: ["gc"] });
    new Gauge({
      name: "newsgraph_database_available",
      help: "1 while the database answers, 0 after a request or readiness probe found it unreachable",
      registers,
      collect() {
        this.set(sources.availability.isAvailable ? 1 : 0);
      },
    });
  }

  observeGraphQL(observation: GraphQLObservation): void {
    const operation = this.operationLabel(observation.operation);
    this.requests.inc({ operation, outcome: observation.outcome });
    this.duration.observe({ operation }, observation.durationSeconds);
    for (const code of observation.errorCodes) this.errors.inc({ operation, code });
  }

  /** Stops observing garbage collections (the registry stays readable). */
  close(): void {
    this.gcObserver.disconnect();
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private operationLabel(name: string): string {
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return "other";
    this.operations.add(name);
    return name;
  }
}
