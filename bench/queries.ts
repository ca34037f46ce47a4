// The benchmarked queries: each as the GraphQL request a client sends, and as the one
// hand-written SQL statement the reference server answers it with (PostgreSQL builds the whole
// response body as JSON text). Both must give the same `data`, which the bench checks before
// it measures: the reference SQL follows the server's orderings, page sizes and cursors.
import type { SqlRunner } from "./generate";

/** Values taken from the generated data set that the queries' variables need. */
export interface Fixtures {
  /** One meeting (with its 3 delegations of 5 members). */
  meetingId: string;
  /** 100 meetings spread over the table, for `_entities`. */
  entityIds: string[];
  /** A name fragment that about 1.5 % of people match (the `Haddad`s and `Haddadin`s). */
  searchName: string;
}

export interface BenchQuery {
  /** Short key, used in results. */
  key: string;
  title: string;
  graphql: string;
  variables(fixtures: Fixtures): Record<string, unknown>;
  /** One statement returning the response body (`{"data": ...}`) as text. */
  sql: string;
  /** The statement's parameters, from the request's variables. */
  params(variables: Record<string, unknown>): unknown[];
}

/** A relation connection's cursor, as src/schema/common/list-connection.ts makes it. */
const itemCursor = (id: string) => `translate(encode(convert_to('item:' || ${id}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/** A root list's keyset cursor (src/schema/common/paginate.ts): base64url of `[value, id]` as JSON. */
const keysetCursor = (valueJson: string, id: string) =>
  `translate(encode(convert_to('[' || ${valueJson} || ',' || to_json(${id}::text)::text || ']', 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/** A JS Date of a `date` column, as `toISOString()` prints it (midnight UTC), as a JSON value. */
const isoDateJson = (column: string) => `coalesce(to_json(to_char(${column}, 'YYYY-MM-DD"T00:00:00.000Z"'))::text, 'null')`;

/** Relation lists are pages of 20 unless `first`/`last` say otherwise (pagination.args.ts). */
const DEFAULT_PAGE = 20;

/**
 * `delegations { edges { node { country { code name } leader { name } } } }` of the meeting whose
 * id is `meetingId`: the first page, by country name then id (q2 and q3 select the same).
 */
const delegationsWithCountryAndLeader = (meetingId: string) => `json_build_object('edges', (
      SELECT coalesce(json_agg(json_build_object('node', json_build_object(
        'country', json_build_object('code', d.code, 'name', d.country_name),
        'leader', (SELECT json_build_object('name', l.name) FROM person l WHERE l.id = d.leader_id)
      )) ORDER BY d.country_name, d.id), '[]'::json)
      FROM (
        SELECT d.id, d.leader_id, c.code, c.name AS country_name
        FROM delegation d JOIN country c ON c.id = d.country_id
        WHERE d.meeting_id = ${meetingId} ORDER BY c.name, d.id LIMIT ${DEFAULT_PAGE}
      ) d))`;

const meetingWithDelegations: BenchQuery = {
  key: "q1-meeting",
  title: "one meeting with its delegations, each with country, leader and members",
  graphql: `query MeetingWithDelegations($id: ID!) {
  meeting(id: $id) {
    id slug title date purpose
    place { name }
    delegations {
      totalCount
      edges {
        cursor
        node {
          id description
          country { code name }
          leader { name }
          members { totalCount edges { node { role roleNote attendance person { name } } } }
        }
      }
    }
  }
}`,
  variables: (f) => ({ id: f.meetingId }),
  params: (v) => [v.id],
  // Delegations by country name, members by person name, the id breaking ties.
  sql: `
SELECT json_build_object('data', json_build_object('meeting', (
  SELECT json_build_object(
    'id', m.id, 'slug', m.slug, 'title', m.title, 'date', m.date, 'purpose', m.purpose,
    'place', (SELECT json_build_object('name', pl.name) FROM place pl WHERE pl.id = m.place_id),
    'delegations', json_build_object(
      'totalCount', (SELECT count(*) FROM delegation WHERE meeting_id = m.id),
      'edges', (
        SELECT coalesce(json_agg(json_build_object('cursor', ${itemCursor("d.id::text")}, 'node', json_build_object(
          'id', d.id, 'description', d.description,
          'country', json_build_object('code', d.code, 'name', d.country_name),
          'leader', (SELECT json_build_object('name', l.name) FROM person l WHERE l.id = d.leader_id),
          'members', json_build_object(
            'totalCount', (SELECT count(*) FROM delegation_member WHERE delegation_id = d.id),
            'edges', (
              SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                'role', dm.role, 'roleNote', dm.role_note, 'attendance', dm.attendance,
                'person', json_build_object('name', dm.person_name))) ORDER BY dm.person_name, dm.id), '[]'::json)
              FROM (
                SELECT dm.id, dm.role, dm.role_note, dm.attendance, p.name AS person_name
                FROM delegation_member dm JOIN person p ON p.id = dm.person_id
                WHERE dm.delegation_id = d.id ORDER BY p.name, dm.id LIMIT ${DEFAULT_PAGE}
              ) dm)))) ORDER BY d.country_name, d.id), '[]'::json)
        FROM (
          SELECT d.id, d.description, d.leader_id, c.code, c.name AS country_name
          FROM delegation d JOIN country c ON c.id = d.country_id
          WHERE d.meeting_id = m.id ORDER BY c.name, d.id LIMIT ${DEFAULT_PAGE}
        ) d)))
  FROM meeting m WHERE m.id = $1::uuid)))::text`,
};

const firstMeetings: BenchQuery = {
  key: "q2-meetings",
  title: "the first 50 meetings by date with delegations, countries and leaders",
  graphql: `query FirstMeetings($first: Int!) {
  meetings(first: $first) {
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id title date
        delegations { edges { node { country { code name } leader { name } } } }
      }
    }
  }
}`,
  variables: () => ({ first: 50 }),
  params: (v) => [v.first],
  // By date, undated last, the id breaking ties; one row more than the page tells hasNextPage.
  sql: `
WITH page AS (
  SELECT m.id, m.title, m.date, row_number() OVER (ORDER BY m.date ASC NULLS LAST, m.id) AS n
  FROM meeting m ORDER BY m.date ASC NULLS LAST, m.id LIMIT $1::int + 1
), edges AS (
  SELECT p.n, ${keysetCursor(isoDateJson("p.date"), "p.id")} AS cursor, json_build_object(
    'id', p.id, 'title', p.title, 'date', p.date,
    'delegations', ${delegationsWithCountryAndLeader("p.id")}) AS node
  FROM page p WHERE p.n <= $1::int
)
SELECT json_build_object('data', json_build_object('meetings', json_build_object(
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) FROM page) > $1::int,
    'endCursor', (SELECT cursor FROM edges ORDER BY n DESC LIMIT 1)),
  'edges', (SELECT coalesce(json_agg(json_build_object('cursor', cursor, 'node', node) ORDER BY n), '[]'::json) FROM edges)
)))::text`,
};

const meetingEntities: BenchQuery = {
  key: "q3-entities",
  title: "`_entities` with 100 Meeting representations",
  graphql: `query MeetingEntities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Meeting {
      id title date
      delegations { edges { node { country { code name } leader { name } } } }
    }
  }
}`,
  variables: (f) => ({ representations: f.entityIds.map((id) => ({ __typename: "Meeting", id })) }),
  params: (v) => [(v.representations as { id: string }[]).map((r) => r.id)],
  // One answer per representation, in the given order (null for an unknown id).
  sql: `
SELECT json_build_object('data', json_build_object('_entities', coalesce(json_agg((
  SELECT json_build_object(
    'id', m.id, 'title', m.title, 'date', m.date,
    'delegations', ${delegationsWithCountryAndLeader("m.id")})
  FROM meeting m WHERE m.id = r.id) ORDER BY r.n), '[]'::json)))::text
FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, n)`,
};

const peopleByName: BenchQuery = {
  key: "q4-search",
  title: "a name search for people with their delegations, paginated",
  graphql: `query SearchPeople($name: String!, $first: Int!) {
  people(filter: { name: $name }, first: $first) {
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id name
        delegations { totalCount edges { node { meeting { title date } country { name } } } }
      }
    }
  }
}`,
  variables: (f) => ({ name: f.searchName, first: 10 }),
  params: (v) => [`%${normalizeSearch(String(v.name))}%`, v.first],
  // By name, the id breaking ties; a person's delegations (led or joined) by delegation id.
  sql: `
WITH page AS (
  SELECT p.id, p.name, row_number() OVER (ORDER BY p.name, p.id) AS n
  FROM person p WHERE p.search_text LIKE $1 ORDER BY p.name, p.id LIMIT $2::int + 1
), edges AS (
  SELECT p.n, ${keysetCursor("to_json(p.name)::text", "p.id")} AS cursor, json_build_object(
    'id', p.id, 'name', p.name,
    'delegations', (
      SELECT json_build_object(
        'totalCount', count(*),
        'edges', coalesce(json_agg(json_build_object('node', json_build_object(
          'meeting', json_build_object('title', m.title, 'date', m.date),
          'country', json_build_object('name', c.name))) ORDER BY d.id) FILTER (WHERE d.n <= ${DEFAULT_PAGE}), '[]'::json))
      FROM (
        SELECT d.*, row_number() OVER (ORDER BY d.id) AS n FROM delegation d
        WHERE d.id IN (SELECT id FROM delegation WHERE leader_id = p.id
                       UNION SELECT delegation_id FROM delegation_member WHERE person_id = p.id)
      ) d
      JOIN meeting m ON m.id = d.meeting_id JOIN country c ON c.id = d.country_id)) AS node
  FROM page p WHERE p.n <= $2::int
)
SELECT json_build_object('data', json_build_object('people', json_build_object(
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) FROM page) > $2::int,
    'endCursor', (SELECT cursor FROM edges ORDER BY n DESC LIMIT 1)),
  'edges', (SELECT coalesce(json_agg(json_build_object('cursor', cursor, 'node', node) ORDER BY n), '[]'::json) FROM edges)
)))::text`,
};

const newestCeasefires: BenchQuery = {
  key: "q5-ceasefires",
  title: "the 20 newest ceasefires with their parties (countries and organizations) and first meetings",
  graphql: `query NewestCeasefires($first: Int!) {
  ceasefires(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id name startDate status
        parties { totalCount edges { node { __typename ... on Country { code name } ... on Organization { name kind } } } }
        meetings(first: 5) { totalCount edges { node { title date place { name } } } }
      }
    }
  }
}`,
  variables: () => ({ first: 20 }),
  params: (v) => [v.first],
  // Newest first, undated last, the id breaking ties. Parties: countries and organizations by
  // name (byte order), then id; meetings by date, slug and id, the first 5 of each.
  sql: `
WITH page AS (
  SELECT c.id, c.name, c.start_date, c.status, row_number() OVER (ORDER BY c.start_date DESC NULLS LAST, c.id) AS n
  FROM ceasefire c ORDER BY c.start_date DESC NULLS LAST, c.id LIMIT $1::int + 1
), edges AS (
  SELECT p.n, ${keysetCursor(isoDateJson("p.start_date"), "p.id")} AS cursor, json_build_object(
    'id', p.id, 'name', p.name, 'startDate', p.start_date, 'status', p.status,
    'parties', (
      SELECT json_build_object('totalCount', count(*), 'edges', coalesce(json_agg(json_build_object('node', x.node)
        ORDER BY x.name COLLATE "C", x.id), '[]'::json))
      FROM (
        SELECT k.id, k.name, json_build_object('__typename', 'Country', 'code', k.code, 'name', k.name) AS node
        FROM country k WHERE k.id IN (SELECT country_id FROM ceasefire_party WHERE ceasefire_id = p.id)
        UNION ALL
        SELECT o.id, o.name, json_build_object('__typename', 'Organization', 'name', o.name, 'kind', o.kind)
        FROM organization o WHERE o.id IN (SELECT organization_id FROM ceasefire_party WHERE ceasefire_id = p.id)
      ) x),
    'meetings', (
      SELECT json_build_object('totalCount', count(*), 'edges', coalesce(json_agg(json_build_object('node', json_build_object(
        'title', m.title, 'date', m.date, 'place', (SELECT json_build_object('name', pl.name) FROM place pl WHERE pl.id = m.place_id)))
        ORDER BY m.n) FILTER (WHERE m.n <= 5), '[]'::json))
      FROM (SELECT m.*, row_number() OVER (ORDER BY m.date, m.slug, m.id) AS n FROM meeting m WHERE m.ceasefire_id = p.id) m)) AS node
  FROM page p WHERE p.n <= $1::int
)
SELECT json_build_object('data', json_build_object('ceasefires', json_build_object(
  'totalCount', (SELECT count(*) FROM ceasefire),
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) FROM page) > $1::int,
    'endCursor', (SELECT cursor FROM edges ORDER BY n DESC LIMIT 1)),
  'edges', (SELECT coalesce(json_agg(json_build_object('cursor', cursor, 'node', node) ORDER BY n), '[]'::json) FROM edges)
)))::text`,
};

export const QUERIES: readonly BenchQuery[] = [meetingWithDelegations, firstMeetings, meetingEntities, peopleByName, newestCeasefires];

/** The server's normalization of a name search (src/schema/common/search.ts), for the reference. */
export function normalizeSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/['`’‘]/g, "").trim();
}

/** Reads the fixtures from a database holding a generated data set. */
export async function readFixtures(db: SqlRunner): Promise<Fixtures> {
  const rows = async (sql: string, params: unknown[] = []) =>
    (await db.query(sql, params)) as { rows: Record<string, unknown>[] } | Record<string, unknown>[];
  const list = async (sql: string, params?: unknown[]) => {
    const result = await rows(sql, params);
    return Array.isArray(result) ? result : result.rows;
  };
  const [{ count }] = await list(`SELECT count(*)::int AS count FROM meeting`);
  const meetings = Number(count);
  const step = Math.max(1, Math.floor(meetings / 100));
  const slugs = Array.from({ length: Math.min(100, meetings) }, (_, i) => `meeting-${i * step}`);
  const entities = await list(`SELECT id::text, slug FROM meeting WHERE slug = ANY($1::text[])`, [slugs]);
  const idBySlug = new Map(entities.map((row) => [row.slug as string, row.id as string]));
  return {
    meetingId: idBySlug.get(slugs[Math.min(42, slugs.length - 1)])!,
    entityIds: slugs.map((slug) => idBySlug.get(slug)!),
    searchName: "Hadd",
  };
}
