// Our per-request plugins are synchronous hooks that one Apollo plugin runs in order. Apollo
// calls every plugin's hooks at every stage of every request through Promise.all: a promise per
// plugin and stage, ~40 per request for our five (a quarter of all the promises a small query
// made), and each also pays AsyncLocalStorage's promise hooks. Run by one plugin, that is one per
// stage. Semantics kept: every hook of a stage runs, and the first error is the one that counts.
import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContext,
  GraphQLRequestContextDidEncounterErrors,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextWillSendResponse,
} from "@apollo/server";

export interface RequestHooks<Context extends BaseContext = BaseContext> {
  /** Once Apollo has picked the operation, before execution; throwing refuses the request. */
  didResolveOperation?(requestContext: GraphQLRequestContextDidResolveOperation<Context>): void;
  /** The request's errors, before they are formatted (only when there are any). */
  didEncounterErrors?(requestContext: GraphQLRequestContextDidEncounterErrors<Context>): void;
  /** The response is about to be sent (and may still be changed). */
  willSendResponse?(requestContext: GraphQLRequestContextWillSendResponse<Context>): void;
}

/** Called as a request starts; the hooks it returns (if any) are called for that request. */
export type RequestPlugin<Context extends BaseContext = BaseContext> = (
  requestContext: GraphQLRequestContext<Context>,
) => RequestHooks<Context> | undefined;

/** One Apollo plugin running `plugins`' hooks, in their order. */
export function runRequestPlugins<Context extends BaseContext>(plugins: RequestPlugin<Context>[]): ApolloServerPlugin<Context> {
  return {
    async requestDidStart(requestContext) {
      const hooks = plugins.map((plugin) => plugin(requestContext)).filter((found) => found !== undefined);
      return {
        async didResolveOperation(context) {
          runAll(hooks, (hook) => hook.didResolveOperation?.(context));
        },
        async didEncounterErrors(context) {
          runAll(hooks, (hook) => hook.didEncounterErrors?.(context));
        },
        async willSendResponse(context) {
          runAll(hooks, (hook) => hook.willSendResponse?.(context));
        },
      };
    },
  };
}

/** As Apollo's Promise.all over plugins: every hook runs, then the first error thrown is rethrown. */
function runAll<Hooks>(hooks: Hooks[], call: (hooks: Hooks) => void): void {
  let failure: { error: unknown } | undefined;
  for (const hook of hooks) {
    try {
      call(hook);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}
