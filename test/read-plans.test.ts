// Selection-aware reads (src/read/read-*.ts): a query's relations are read with its
// root in one SQL statement. These check what that path must keep exactly as before: keyset
// paging in both directions and orders (undated meetings last), aliases of one relation with
// different pages, fragments, @include with variables (plans are cached per document), and
// fields it does not read ahead (they fall back to the batched loaders).
import { generateDataSet, loadDataSet } from "../bench/generate";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  await server.database.withSession(async (session) => {
    await loadDataSet(session, generateDataSet(0.005));
    // A few undated meetings, which every order puts last.
    await session.query(`UPDATE meeting SET date = NULL WHERE slug IN ('meeting-3', 'meeting-7', 'meeting-11')`);
  });
});
afterAll(() => server?.stop());

type Page = {
  meetings: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string } };
};

const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $order: MeetingOrder) {
  meetings(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    edges { node { id date title delegations { edges { node { country { name } } } } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function expectedIds(orderBy: string): Promise<string[]> {
  const rows = await server.database.withSession((session) => session.query<{ id: string }>(`SELECT id::text FROM meeting ORDER BY ${orderBy}`));
  return rows.map((row) => row.id);
}

async function page(variables: Record<string, unknown>) {
  const { body } = await server.graphql<Page>(PAGE, variables);
  expect(body.errors).toBeUndefined();
  expect(body.extensions!.sqlStatements).toBe(1);
  return body.data!.meetings;
}

test.each([
  [{ field: "DATE", direction: "ASC" }, "date ASC NULLS LAST, id"],
  [{ field: "DATE", direction: "DESC" }, "date DESC NULLS LAST, id"],
  [{ field: "TITLE", direction: "DESC" }, "title DESC, id"],
])("paging through %j, forward and backward, in one statement a page", async (order, sql) => {
  const expected = await expectedIds(sql);
  const forward: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { edges, pageInfo } = await page({ first: 4, after, order });
    forward.push(...edges.map((edge) => edge.node.id));
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  expect(forward).toEqual(expected);

  const backward: string[] = [];
  let before: string | null = null;
  for (;;) {
    const { edges, pageInfo } = await page({ last: 4, before, order });
    backward.unshift(...edges.map((edge) => edge.node.id));
    if (!pageInfo.hasPreviousPage) break;
    before = pageInfo.startCursor;
  }
  expect(backward).toEqual(expected);
});

test("aliases of one relation with different pages, fragments, and a field not read ahead", async () => {
  const [meetingId] = await expectedIds("date ASC NULLS LAST, id");
  const query = `query ($id: ID!) {
    meeting(id: $id) {
      first: delegations(first: 1) { edges { node { ...Leader } } }
      last: delegations(last: 1) { totalCount edges { node { country { code } } } }
      all: delegations { edges { node { ...Leader country { code } } } }
      sources { totalCount }
      history { action }
    }
  }
  fragment Leader on Delegation { leader { name } members(first: 2) { totalCount edges { node { person { name } } } } }`;
  const { body } = await server.graphql<{
    meeting: Record<"first" | "last" | "all", { totalCount?: number; edges: { node: Record<string, unknown> }[] }> & {
      sources: { totalCount: number };
      history: unknown[];
    };
  }>(query, { id: meetingId });
  expect(body.errors).toBeUndefined();
  const { first, last, all, sources } = body.data!.meeting;
  expect(all.edges).toHaveLength(3);
  expect(first.edges).toEqual([{ node: { leader: all.edges[0].node.leader, members: all.edges[0].node.members } }]);
  expect(last).toEqual({ totalCount: 3, edges: [{ node: { country: all.edges[2].node.country } }] });
  expect((all.edges[0].node.members as { totalCount: number; edges: unknown[] }).edges).toHaveLength(2);
  expect(sources.totalCount).toBe(0);
  expect(body.data!.meeting.history).toEqual([]);
  // The meeting, its delegations and sources in one statement; the history (not read ahead) in one more.
  expect(body.extensions!.sqlStatements).toBe(2);
});

test("@include with a variable: the same document gives each request its own selection", async () => {
  const [meetingId] = await expectedIds("date ASC NULLS LAST, id");
  const query = `query ($id: ID!, $withPlace: Boolean!) {
    meeting(id: $id) { title place @include(if: $withPlace) { name } }
  }`;
  const without = await server.graphql<{ meeting: Record<string, unknown> }>(query, { id: meetingId, withPlace: false });
  const withPlace = await server.graphql<{ meeting: Record<string, unknown> }>(query, { id: meetingId, withPlace: true });
  expect(Object.keys(without.body.data!.meeting)).toEqual(["title"]);
  expect(Object.keys(withPlace.body.data!.meeting)).toEqual(["title", "place"]);
  expect(withPlace.body.extensions!.sqlStatements).toBe(1);
});

test("timestamps and dates read through JSON equal Prisma's", async () => {
  await server.database.withSession((session) =>
    session.query(`UPDATE meeting SET created_at = '2026-02-03T04:05:06.789Z', created_by = 'editor' WHERE slug = 'meeting-1'`),
  );
  const row = (await server.database.prisma.meeting.findUnique({ where: { slug: "meeting-1" } }))!;
  const compiled = await server.graphql<{ meeting: Record<string, unknown> }>(
    `query ($id: ID!) { meeting(id: $id) { id date createdAt updatedAt createdBy } }`,
    { id: row.id },
  );
  // As the Date and DateTime scalars serialize Prisma's Date objects.
  expect(compiled.body.data!.meeting).toEqual({
    id: row.id,
    date: row.date!.toISOString().slice(0, 10),
    createdAt: "2026-02-03T04:05:06.789Z",
    updatedAt: row.updatedAt.toISOString(),
    createdBy: "editor",
  });
});

test("a person's delegations, led or joined, read ahead in one statement, equal the batched loaders' answer", async () => {
  // Someone who led one delegation and belonged to another.
  const [{ personId, expected }] = await server.database.withSession((session) =>
    session.query<{ personId: string; expected: string[] }>(
      `SELECT d.leader_id::text AS "personId", d.id::text AS "delegationId",
              array(SELECT id::text FROM delegation WHERE leader_id = d.leader_id
                    UNION SELECT delegation_id::text FROM delegation_member WHERE person_id = d.leader_id ORDER BY 1) AS expected
       FROM delegation d WHERE EXISTS (SELECT 1 FROM delegation_member m WHERE m.person_id = d.leader_id)
       ORDER BY d.id LIMIT 1`,
    ),
  );
  const selection = `delegations(first: 50) { totalCount edges { cursor node { id leader { id } meeting { id } } } }`;
  const compiled = await server.graphql<{ person: { delegations: { totalCount: number; edges: { node: { id: string } }[] } } }>(
    `query ($id: ID!) { person(id: $id) { name ${selection} } }`,
    { id: personId },
  );
  expect(compiled.body.errors).toBeUndefined();
  expect(compiled.body.extensions!.sqlStatements).toBe(1);
  const { delegations } = compiled.body.data!.person;
  expect(delegations.edges.map((edge) => edge.node.id)).toEqual(expected);
  expect(delegations.totalCount).toBe(expected.length);
  expect(expected.length).toBeGreaterThan(1);

  // The person a mutation answers (a row from the write, not planned) has its delegations
  // loaded in a batch, compiled from the same relation: the same answer.
  const batched = await server.graphql<{ updatePerson: { delegations: unknown } }>(
    `mutation ($id: ID!) { updatePerson(id: $id, input: { description: "Led and joined." }) { ${selection} } }`,
    { id: personId },
    await bearer({ roles: ["editor"] }),
  );
  expect(batched.body.errors).toBeUndefined();
  expect(batched.body.data!.updatePerson.delegations).toEqual(delegations);
});

test("a nested first page reads its rows and its count, not the whole list, in the same statement", async () => {
  const [meetingId] = await expectedIds("date ASC NULLS LAST, id");
  const { body } = await server.graphql<{ meeting: { few: unknown; more: unknown; all: { edges: { node: { id: string } }[] } } }>(
    `query ($id: ID!) {
      meeting(id: $id) {
        few: delegations(first: 1) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { id } } }
        more: delegations(first: 2) { pageInfo { hasNextPage } edges { node { id } } }
        all: delegations(first: 0) { totalCount pageInfo { hasNextPage } edges { node { id } } }
      }
    }`,
    { id: meetingId },
  );
  const ids = await server.database.withSession((session) =>
    session.query<{ id: string }>(
      `SELECT d.id::text FROM delegation d JOIN country c ON c.id = d.country_id WHERE d.meeting_id = $1 ORDER BY c.name, d.id`,
      [meetingId],
    ),
  );
  const edges = (n: number) => ids.slice(0, n).map(({ id }) => ({ node: { id } }));
  expect(body).toEqual({
    data: {
      meeting: {
        few: { totalCount: 3, pageInfo: { hasNextPage: true, hasPreviousPage: false }, edges: edges(1) },
        more: { pageInfo: { hasNextPage: true }, edges: edges(2) },
        all: { totalCount: 3, pageInfo: { hasNextPage: true }, edges: [] },
      },
    },
    extensions: { sqlStatements: 1 },
  });
});
