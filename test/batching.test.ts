// No N+1: the SQL statements a nested query costs depend on its depth, never on how many rows
// each level returns. Counted by the server itself (extensions.sqlStatements).
import { randomUUID } from "node:crypto";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
const MEETINGS = 40;

beforeAll(async () => {
  server = await startTestServer();
  // Synthetic meetings on top of the seed: each with three delegations, a leader and two members.
  const { prisma } = server.database;
  const countries = await prisma.country.findMany({ where: { code: { in: ["LB", "IL", "US"] } } });
  const people = Array.from({ length: MEETINGS * 9 }, (_, i) => ({
    id: randomUUID(),
    slug: `batch-person-${i}`,
    name: `Batch Person ${String(i).padStart(3, "0")}`,
    nationalityId: countries[i % 3].id,
  }));
  await prisma.person.createMany({ data: people });
  const meetings = Array.from({ length: MEETINGS }, (_, i) => ({
    id: randomUUID(),
    slug: `batch-meeting-${i}`,
    title: `Batch meeting ${i}`,
    date: new Date(Date.UTC(2020, 0, 1 + i)),
  }));
  await prisma.meeting.createMany({ data: meetings });
  const delegations = meetings.flatMap((meeting, m) =>
    countries.map((country, c) => ({
      id: randomUUID(),
      meetingId: meeting.id,
      countryId: country.id,
      leaderId: people[m * 9 + c * 3].id,
    })),
  );
  await prisma.delegation.createMany({ data: delegations });
  await prisma.delegationMember.createMany({
    data: delegations.flatMap((delegation, d) =>
      [1, 2].map((k) => ({ delegationId: delegation.id, personId: people[d * 3 + k].id, role: "DIPLOMAT" as const })),
    ),
  });
});
afterAll(() => server?.stop());

const NESTED = `query ($first: Int) {
  meetings(first: $first, filter: { to: "2020-12-31" }) {
    edges {
      node {
        title
        sources { edges { node { title } } }
        delegations {
          totalCount
          edges {
            node {
              country { code sources { edges { node { title } } } }
              leader { name nationality { code } roles { totalCount edges { node { title } } } }
              members { totalCount edges { node { role person { name meetings { totalCount edges { node { title } } } } } } }
            }
          }
        }
      }
    }
  }
}`;

type Nodes<T> = { edges: { node: T }[] };
type BatchDelegation = { leader: { name: string }; members: { totalCount: number } & Nodes<unknown> };

async function statementsFor(first: number) {
  const { body } = await server.graphql<{ meetings: { edges: unknown[] } }>(NESTED, { first });
  expect(body.errors).toBeUndefined();
  expect(body.data!.meetings.edges).toHaveLength(first);
  return body.extensions!.sqlStatements!;
}

test("a nested query, connection counts included, costs the same statements for 2 meetings as for 40", async () => {
  const few = await statementsFor(2);
  const many = await statementsFor(MEETINGS);
  expect(many).toBe(few);
  // One per relation and level: page, sources, delegations, countries, country sources,
  // leaders, nationalities, roles, members, people, people's meetings.
  expect(many).toBeLessThanOrEqual(12);
});

test("every delegation of every meeting comes back with its own leader and members", async () => {
  const { body } = await server.graphql<{
    meetings: Nodes<{ title: string; delegations: Nodes<BatchDelegation> }>;
  }>(NESTED, { first: MEETINGS });
  const lastMeeting = body.data!.meetings.edges.at(-1)!.node;
  const delegations = lastMeeting.delegations.edges.map((edge) => edge.node);
  expect(lastMeeting.title).toBe(`Batch meeting ${MEETINGS - 1}`);
  const base = (MEETINGS - 1) * 9;
  expect(delegations.map((d) => d.leader.name)).toEqual(
    // Delegations are ordered by country name: Israel, Lebanon, United States.
    ["IL", "LB", "US"].map(() => expect.stringMatching(/^Batch Person \d{3}$/)),
  );
  const leaders = delegations.map((d) => Number(d.leader.name.slice(-3)));
  expect(leaders.every((n) => n >= base && n < base + 9 && n % 3 === 0)).toBe(true);
  expect(delegations.every((d) => d.members.totalCount === 2 && d.members.edges.length === 2)).toBe(true);
});
