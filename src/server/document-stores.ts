// Where documents sent by hash are kept: with REDIS_URL, Apollo's automatic persisted queries in
// Redis, shared by every replica (persisted-queries.ts); with TRUSTED_DOCUMENTS_ONLY, the list of
// trusted documents there instead, and no APQ (trusted-documents.ts); otherwise Apollo's store
// in this process's memory.
import type { ApolloServerOptions } from "@apollo/server";
import { type Config, PERSISTED_QUERY_DEFAULTS } from "../config";
import type { Logger } from "../observability/logger";
import type { Metrics } from "../observability/metrics";
import type { Context } from "../schema/context";
import { redisPersistedQueries } from "./persisted-queries";
import { serverTrustedDocuments, type TrustedDocuments } from "./trusted-documents";

export interface DocumentStores {
  /** The list every document must be in, under TRUSTED_DOCUMENTS_ONLY. */
  trustedDocuments?: TrustedDocuments;
  /** Apollo's `persistedQueries` option; undefined for its in-memory default. */
  apolloOption?: ApolloServerOptions<Context>["persistedQueries"];
  /** Resolves once Redis is reached, has failed, or the connect timeout passed (a server starts without it). */
  connected(): Promise<void>;
  close(): Promise<void>;
}

export function documentStores(
  options: { trustedDocumentsOnly?: boolean; persistedQueries?: Partial<Config["persistedQueries"]> },
  logger: Logger,
  metrics: Pick<Metrics, "redisErrors" | "trustedDocumentRefusals">,
): DocumentStores {
  const trustedDocuments = serverTrustedDocuments(options, logger, metrics);
  const redisUrl = options.persistedQueries?.redisUrl;
  const sharedQueries =
    redisUrl && !trustedDocuments
      ? redisPersistedQueries({ ...PERSISTED_QUERY_DEFAULTS, ...options.persistedQueries, redisUrl }, logger, () => metrics.redisErrors.inc())
      : undefined;
  return {
    trustedDocuments,
    apolloOption: trustedDocuments ? false : sharedQueries?.apolloOption,
    connected: async () => {
      await sharedQueries?.connected();
      await trustedDocuments?.connected();
    },
    close: async () => {
      await sharedQueries?.close();
      await trustedDocuments?.close();
    },
  };
}
