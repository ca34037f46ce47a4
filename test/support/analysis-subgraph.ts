// A second, deliberately small subgraph to compose newsgraph with, as another team's service
// would be: an "analysis" service that knows meetings, people and countries only by their keys.
// It adds `analysis` to newsgraph's Meeting, and a field that `@requires` newsgraph's
// `Meeting.date`; its own root field returns references to newsgraph's Meeting, Person (by id)
// and Country (by ISO code, the natural key) entities.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";

/** One analysis, keyed by what the analysis service stores: newsgraph ids and ISO codes. */
export interface AnalysisRecord {
  meetingId: string;
  tension: number;
  assessment: string;
  /** When the analysis was written (YYYY-MM-DD). */
  writtenOn: string;
  keyPersonIds: string[];
  countryCodes: string[];
}

export const ANALYSIS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

  # newsgraph's scalar, for the field this service requires.
  scalar Date

  """An analyst's reading of a meeting."""
  type MeetingAnalysis {
    """How tense the meeting was judged to be, from 0 (cordial) to 10 (hostile)."""
    tension: Int!

    """The assessment, in a line."""
    assessment: String!

    """The meeting analysed."""
    meeting: Meeting!

    """The people the analysis singles out."""
    keyPeople: [Person!]!

    """The countries whose positions the analysis weighs."""
    countries: [Country!]!
  }

  # newsgraph's types and key fields are left undescribed here: a description would compete
  # with newsgraph's in the supergraph (an INCONSISTENT_DESCRIPTION hint, and it may win).
  type Meeting @key(fields: "id") {
    id: ID!
    date: Date @external

    """This service's analysis of the meeting; null when it has none."""
    analysis: MeetingAnalysis

    """How many days after the meeting this service's analysis was written; null without one."""
    daysToAnalysis: Int @requires(fields: "date")
  }

  type Person @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Country @key(fields: "code", resolvable: false) {
    code: String!
  }

  type Query {
    """Analyses, the most tense first."""
    topAnalyses(
      """How many to return."""
      first: Int! = 10
    ): [MeetingAnalysis!]!
  }
`;

export interface AnalysisSubgraph {
  url: string;
  stop(): Promise<void>;
}

/** Serves the analysis subgraph over `records` on an ephemeral port. */
export async function startAnalysisSubgraph(records: AnalysisRecord[]): Promise<AnalysisSubgraph> {
  const byMeeting = new Map(records.map((record) => [record.meetingId, record]));
  // References to newsgraph's entities are just their keys; the router fetches the rest there.
  const analysis = (record: AnalysisRecord) => ({
    tension: record.tension,
    assessment: record.assessment,
    meeting: { id: record.meetingId },
    keyPeople: record.keyPersonIds.map((id) => ({ id })),
    countries: record.countryCodes.map((code) => ({ code })),
  });
  const schema = buildSubgraphSchema({
    typeDefs: parse(ANALYSIS_SDL),
    resolvers: {
      Query: {
        topAnalyses: (_root: unknown, { first }: { first: number }) =>
          [...records].sort((a, b) => b.tension - a.tension).slice(0, first).map(analysis),
      },
      Meeting: {
        // The router sends `date` (from newsgraph) with the key when `daysToAnalysis` is asked.
        __resolveReference: (reference: { id: string; date?: string | null }) => reference,
        analysis: ({ id }: { id: string }) => {
          const record = byMeeting.get(id);
          return record ? analysis(record) : null;
        },
        daysToAnalysis: ({ id, date }: { id: string; date: string | null }) => {
          const record = byMeeting.get(id);
          if (!record || !date) return null;
          return (Date.parse(record.writtenOn) - Date.parse(date)) / 86_400_000;
        },
      },
    },
  });
  // No usage reporting here, so no field traces for a router either (and no start-up notice).
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url, stop: () => server.stop() };
}
