// The benchmark's synthetic data set: countries, places, organizations, people, ceasefires with
// their parties, and meetings with delegations and members. Deterministic (one seeded random
// source, rows generated in a fixed order) and loaded with a few large multi-row INSERTs (one
// statement per table and chunk of rows, values passed as arrays), never row by row.
import { Random } from "./prng";

/** What the generator needs from a database connection (pg.Client, or PGlite in tests). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Bumped whenever the generated data changes, so that stale bench databases are regenerated. */
export const GENERATOR_VERSION = 1;

export interface DataSetSize {
  countries: number;
  places: number;
  organizations: number;
  people: number;
  ceasefires: number;
  meetings: number;
  delegationsPerMeeting: number;
  membersPerDelegation: number;
}

/**
 * Row counts at a scale. Scale 1 is the issue's data set; `--scale 10` multiplies every table
 * except countries: there are only so many states (and ISO codes), so they stop at 200.
 */
export function dataSetSize(scale: number): DataSetSize {
  const times = (base: number, min: number) => Math.max(min, Math.round(base * scale));
  return {
    countries: Math.min(200, times(200, 8)),
    places: times(2_000, 10),
    organizations: times(1_000, 5),
    people: times(20_000, 60),
    ceasefires: times(1_000, 5),
    meetings: times(5_000, 10),
    delegationsPerMeeting: 3,
    membersPerDelegation: 5,
  };
}

const FIRST_NAMES = [
  "Amal", "Ahmad", "Aviva", "Bashir", "Carla", "Dalia", "David", "Elias", "Eitan", "Farah", "Fadi", "Gideon",
  "Hana", "Hassan", "Ilan", "Imad", "Jamil", "Joseph", "Karim", "Layla", "Lior", "Maya", "Michel", "Mona",
  "Nabil", "Nadia", "Naomi", "Omar", "Orly", "Pierre", "Rami", "Rana", "Rania", "Ruth", "Salim", "Samir",
  "Sarah", "Tamar", "Tariq", "Walid", "Yael", "Yusuf", "Zeina", "Ziad", "Anna", "Boris", "Chen", "Diego",
  "Emma", "Felix", "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Marta", "Nils", "Olga", "Priya",
];
const LAST_NAMES = [
  "Abboud", "Aoun", "Barak", "Bassil", "Ben-Ami", "Berri", "Cohen", "Dagan", "Daher", "Eid", "Feltman",
  "Frangieh", "Gemayel", "Geagea", "Haddad", "Halevi", "Hariri", "Harel", "Hobeika", "Issa", "Jaber",
  "Jumblatt", "Karam", "Katz", "Khalil", "Khoury", "Levi", "Mansour", "Mikati", "Mizrahi", "Moussa",
  "Nasrallah", "Nasser", "Ochs", "Peretz", "Qassem", "Rahal", "Raad", "Rizk", "Sa'ar", "Salam", "Saad",
  "Salameh", "Shapiro", "Skaff", "Tannous", "Touma", "Weiss", "Yazbek", "Zahar", "Zein", "Álvarez",
  "Bianchi", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ivanova", "Jensen", "Kowalski",
  "Lefèvre", "Müller", "Novák", "Olsen", "Petrov", "Quintero", "Rossi", "Schmidt", "Takahashi", "Ueda",
  "Varga", "Wójcik", "Xu", "Yilmaz", "Zhang", "Öztürk", "Nguyen", "Okafor", "Mensah", "Diallo", "Mbeki",
  "Kariuki", "Banda", "Singh", "Sharma", "Rahman", "Chowdhury", "Kim", "Park", "Tanaka", "Suzuki",
  "Silva", "Santos", "Pereira", "Moreau", "Laurent", "Roux", "Kovač", "Horvat", "Popescu", "Dimitrov",
  "Georgiou", "Papadopoulos", "Haddadin", "Awad", "Farouk", "Hamdan", "Kanaan", "Saleh", "Sabbagh", "Tabet",
];
const SYLLABLES = ["ka", "ro", "mi", "ta", "lu", "ne", "sa", "vo", "ri", "da", "ma", "lo", "pe", "zu", "ba", "ni"];
const PLACE_WORDS = ["Port", "Camp", "Base", "Fort", "Lake", "Mount", "Valley", "Bridge", "Bay", "Crossing"];
const ORGANIZATION_KINDS = ["ARMED_GROUP", "MILITARY", "GOVERNMENT_BODY", "PEACEKEEPING_FORCE", "INTERNATIONAL_ORGANIZATION", "NEWS_AGENCY"];
const CEASEFIRE_STATUSES = ["PROPOSED", "IN_FORCE", "ENDED"];
const MEMBER_ROLES = [
  "CIVILIAN_REPRESENTATIVE", "NON_MILITARY_MEMBER", "DIPLOMAT", "GOVERNMENT_OFFICIAL", "MILITARY_OFFICER",
  "ECONOMIC_OFFICIAL", "OTHER",
];
/** Rows stamped with a fixed time, so that two generations are identical. */
const STAMP = "2026-01-01T00:00:00.000Z";
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1);
/** Rows per INSERT statement: large enough to be fast, small enough for modest messages. */
const CHUNK = 20_000;

type Value = string | boolean | null;

interface Table {
  name: string;
  /** Column names and their SQL types (values travel as text arrays and are cast). */
  columns: [string, string][];
  rows: Value[][];
}

/** The generated rows of every table, in dependency order (parents first). */
export function generateDataSet(scale: number, seed = "newsgraph-bench"): Table[] {
  const size = dataSetSize(scale);
  const random = new Random(`${seed}:${GENERATOR_VERSION}`);
  const word = (min: number, max: number) => {
    let text = "";
    for (let i = min + random.int(max - min + 1); i > 0; i--) text += random.pick(SYLLABLES);
    return text[0].toUpperCase() + text.slice(1);
  };
  const day = (from: number, spanDays: number) => new Date(from + random.int(spanDays) * DAY_MS).toISOString().slice(0, 10);
  const stamps = [STAMP, STAMP];

  const codes: string[] = [];
  for (let a = 0; a < 26; a++) for (let b = 0; b < 26; b++) codes.push(String.fromCharCode(65 + a, 65 + b));
  const shuffledCodes = codes.map((code) => [random.next(), code] as const).sort((x, y) => x[0] - y[0]);
  const countries = Array.from({ length: size.countries }, (_, i) => {
    const name = `${word(2, 3)}${random.pick(["ia", "stan", "land", "a", "ar"])}`;
    return [random.uuid(), shuffledCodes[i][1], `${name} ${i}`, `{"${name}"}`, ...stamps];
  });
  const countryId = (i: number) => countries[i][0] as string;

  const places = Array.from({ length: size.places }, (_, i) => {
    const name = `${random.pick(PLACE_WORDS)} ${word(2, 3)}`;
    return [random.uuid(), `place-${i}`, name, "{}", random.chance(0.3) ? `${name}, a place` : null,
      random.chance(0.9) ? countryId(random.int(size.countries)) : null, ...stamps];
  });

  const organizations = Array.from({ length: size.organizations }, (_, i) => {
    const name = `${word(2, 4)} ${random.pick(["Forces", "Council", "Agency", "Mission", "Front", "Office"])}`;
    return [random.uuid(), `organization-${i}`, `${name} ${i}`, "{}", random.pick(ORGANIZATION_KINDS),
      random.chance(0.2) ? `${name}, an organization` : null,
      random.chance(0.7) ? countryId(random.int(size.countries)) : null, ...stamps];
  });

  const people = Array.from({ length: size.people }, (_, i) => {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const isNamed = random.chance(0.97);
    return [random.uuid(), `person-${i}`, isNamed ? name : `Unnamed official ${i}`, "{}", isNamed,
      random.chance(0.2) ? `${name}, an official` : null,
      random.chance(0.9) ? countryId(random.int(size.countries)) : null, ...stamps];
  });
  const personId = (i: number) => people[i][0] as string;

  const ceasefires = Array.from({ length: size.ceasefires }, (_, i) => {
    const start = random.chance(0.9) ? day(FIRST_DAY, 9_000) : null;
    return [random.uuid(), `ceasefire-${i}`, `${word(2, 3)} ceasefire ${i}`, start,
      start && random.chance(0.4) ? day(Date.parse(start), 700) : null, random.pick(CEASEFIRE_STATUSES),
      random.chance(0.3) ? "Monitored by a joint committee" : null, random.chance(0.5) ? "A truce." : null, ...stamps];
  });
  const ceasefireParties = ceasefires.flatMap(([ceasefire]) => {
    const countryParties = random
      .distinct(2 + random.int(2), size.countries)
      .map((c) => [random.uuid(), ceasefire, countryId(c), null, STAMP]);
    const organizationParty = random.chance(0.3)
      ? [[random.uuid(), ceasefire, null, organizations[random.int(size.organizations)][0], STAMP]]
      : [];
    return [...countryParties, ...organizationParty];
  });

  const meetings: Value[][] = [];
  const delegations: Value[][] = [];
  const members: Value[][] = [];
  for (let i = 0; i < size.meetings; i++) {
    const meetingId = random.uuid();
    const place = random.chance(0.9) ? random.int(size.places) : null;
    meetings.push([
      meetingId, `meeting-${i}`, `Talks ${i}${place === null ? "" : ` at ${places[place][2]}`}`,
      random.chance(0.98) ? day(FIRST_DAY, 9_500) : null,
      random.chance(0.5) ? "To agree on the next steps." : null, random.chance(0.3) ? "They met and talked." : null,
      place === null ? null : places[place][0] as string,
      random.chance(0.4) ? organizations[random.int(size.organizations)][0] as string : null,
      random.chance(0.3) ? personId(random.int(size.people)) : null,
      random.chance(0.2) ? countryId(random.int(size.countries)) : null,
      random.chance(0.25) ? ceasefires[random.int(size.ceasefires)][0] as string : null,
      ...stamps,
    ]);
    for (const c of random.distinct(size.delegationsPerMeeting, size.countries)) {
      const delegationId = random.uuid();
      const leader = random.chance(0.95) ? random.int(size.people) : null;
      delegations.push([delegationId, meetingId, countryId(c), leader === null ? null : personId(leader),
        random.chance(0.2) ? "A small team." : null, ...stamps]);
      const exclude = new Set(leader === null ? [] : [leader]);
      for (const p of random.distinct(size.membersPerDelegation, size.people, exclude)) {
        members.push([random.uuid(), delegationId, personId(p), random.pick(MEMBER_ROLES),
          random.chance(0.1) ? "as an adviser" : null, random.chance(0.9) ? "CONFIRMED" : "REPORTED", ...stamps]);
      }
    }
  }

  const stampColumns: [string, string][] = [["created_at", "timestamptz"], ["updated_at", "timestamptz"]];
  return [
    { name: "country", rows: countries, columns: [["id", "uuid"], ["code", "char(2)"], ["name", "text"], ["aliases", "text[]"], ...stampColumns] },
    { name: "place", rows: places, columns: [["id", "uuid"], ["slug", "text"], ["name", "text"], ["aliases", "text[]"], ["description", "text"], ["country_id", "uuid"], ...stampColumns] },
    { name: "organization", rows: organizations, columns: [["id", "uuid"], ["slug", "text"], ["name", "text"], ["aliases", "text[]"], ["kind", "organization_kind"], ["description", "text"], ["country_id", "uuid"], ...stampColumns] },
    { name: "person", rows: people, columns: [["id", "uuid"], ["slug", "text"], ["name", "text"], ["aliases", "text[]"], ["is_named", "boolean"], ["description", "text"], ["nationality_id", "uuid"], ...stampColumns] },
    { name: "ceasefire", rows: ceasefires, columns: [["id", "uuid"], ["slug", "text"], ["name", "text"], ["start_date", "date"], ["end_date", "date"], ["status", "ceasefire_status"], ["monitoring_mechanism", "text"], ["summary", "text"], ...stampColumns] },
    { name: "ceasefire_party", rows: ceasefireParties, columns: [["id", "uuid"], ["ceasefire_id", "uuid"], ["country_id", "uuid"], ["organization_id", "uuid"], ["created_at", "timestamptz"]] },
    { name: "meeting", rows: meetings, columns: [["id", "uuid"], ["slug", "text"], ["title", "text"], ["date", "date"], ["purpose", "text"], ["summary", "text"], ["place_id", "uuid"], ["host_id", "uuid"], ["mediator_id", "uuid"], ["mediator_country_id", "uuid"], ["ceasefire_id", "uuid"], ...stampColumns] },
    { name: "delegation", rows: delegations, columns: [["id", "uuid"], ["meeting_id", "uuid"], ["country_id", "uuid"], ["leader_id", "uuid"], ["description", "text"], ...stampColumns] },
    { name: "delegation_member", rows: members, columns: [["id", "uuid"], ["delegation_id", "uuid"], ["person_id", "uuid"], ["role", "member_role"], ["role_note", "text"], ["attendance", "attendance"], ...stampColumns] },
  ];
}

/**
 * Inserts the data set: per table and chunk, one `INSERT ... SELECT FROM unnest(...)` whose
 * parameters are one array per column. Row triggers (the name search column) fire as usual.
 */
export async function loadDataSet(db: SqlRunner, tables: Table[], log: (line: string) => void = () => undefined): Promise<void> {
  for (const table of tables) {
    const started = Date.now();
    const names = table.columns.map(([name]) => `"${name}"`).join(", ");
    const casts = table.columns.map(([name, type], i) => `c${i}::${type} AS "${name}"`).join(", ");
    const unnest = table.columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
    const aliases = table.columns.map((_, i) => `c${i}`).join(", ");
    const sql = `INSERT INTO "${table.name}" (${names}) SELECT ${casts} FROM unnest(${unnest}) AS t(${aliases})`;
    for (let from = 0; from < table.rows.length; from += CHUNK) {
      const chunk = table.rows.slice(from, from + CHUNK);
      const columns = table.columns.map((_, i) => chunk.map((row) => (row[i] === null ? null : String(row[i]))));
      await db.query(sql, columns);
    }
    log(`  ${table.name}: ${table.rows.length} rows in ${Date.now() - started} ms`);
  }
}

/** Empties every table the data set (or the app) writes, so a new data set starts clean. */
export async function clearDataSet(db: SqlRunner): Promise<void> {
  await db.query(
    `TRUNCATE "fact_source", "article", "reported_figure", "statement", "plan", "ceasefire_party", "ceasefire",
       "delegation_member", "delegation", "meeting", "person_role", "person", "organization", "place", "country" CASCADE`,
  );
}
