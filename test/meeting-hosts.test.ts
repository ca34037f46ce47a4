// Hosts of any kind (format 4 of the article document): a meeting hosted by an organization (the
// UN force at Naqura), a head of state (Aoun receiving the US mediator at Baabda), a country, or by
// several at once. Each article's hosts are kept, their union current; the older `Meeting.host`
// reads the first organization. Over the seed and the `reporting` fixture articles, through HTTP
// on either database (test-database.ts).
import { edges } from "./support/connections";
import { RECORD, reportingSuite, testArticle } from "./support/reporting-suite";

const { gql } = reportingSuite();

const HOST = `__typename ... on Country { code } ... on Organization { slug } ... on Person { slug }`;
const NAQURA = "naqura-civilian-talks-2025-12-03";
const BAABDA = "aoun-receives-hochstein-baabda-2022";
const HOSTS = `hosts { totalCount edges { node { ${HOST} } } } host { slug }`;

test("an organization and a head of state as hosts, and the meetings each hosted, in one statement", async () => {
  const body = await gql(`{
    naqura: meetingBySlug(slug: "${NAQURA}") { ${HOSTS} }
    baabda: meetingBySlug(slug: "${BAABDA}") { date place { name } ${HOSTS} delegations { edges { node { country { code } leader { slug } } } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    naqura: { hosts: { totalCount: 1, ...edges({ __typename: "Organization", slug: "unifil" }) }, host: { slug: "unifil" } },
    baabda: {
      date: "2022-10-27",
      place: { name: "Baabda Palace" },
      hosts: { totalCount: 1, ...edges({ __typename: "Person", slug: "michel-aoun" }) },
      // No organization hosted it: the older field has nothing to say.
      host: null,
      delegations: edges({ country: { code: "LB" }, leader: { slug: "michel-aoun" } }, { country: { code: "US" }, leader: { slug: "amos-hochstein" } }),
    },
  });
  // One statement per root field.
  expect(body.extensions?.sqlStatements).toBe(2);

  const hosted = await gql(`{
    personBySlug(slug: "michel-aoun") { hostedMeetings { edges { node { slug } } } }
    organizationBySlug(slug: "unifil") { hostedMeetings { edges { node { slug } } } }
    countryByCode(code: "LB") { hostedMeetings { totalCount } }
    statementBySlug(slug: "aoun-signs-maritime-deal") { place { slug } }
  }`);
  expect(hosted.errors).toBeUndefined();
  expect(hosted.data).toEqual({
    personBySlug: { hostedMeetings: edges({ slug: BAABDA }) },
    // By date: the 2022 handover, then the 2025 talks.
    organizationBySlug: { hostedMeetings: edges({ slug: "naqura-maritime-deal-handover" }, { slug: NAQURA }) },
    countryByCode: { hostedMeetings: { totalCount: 0 } },
    statementBySlug: { place: { slug: "baabda-palace" } },
  });
  expect(hosted.extensions?.sqlStatements).toBe(4);
});

test("analysts find and count meetings by host of every kind", async () => {
  const body = await gql(`{
    meetings(filter: { personId: "michel-aoun" }) { edges { node { slug } } }
    byOrganization: meetingCounts(by: HOST) { key count }
    byPerson: meetingCounts(by: HOST_PERSON) { key label count }
    timeline(filter: { involving: "michel-aoun", kinds: [MEETING] }) { edges { node { date subject { ... on Meeting { slug } } } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    meetings: edges({ slug: BAABDA }),
    // Four meetings: the two at Naqura hosted by the UN force, Baabda by Aoun, the seed's Jerusalem visit by no one.
    byOrganization: [
      { key: "unifil", count: 2 },
      { key: null, count: 2 },
    ],
    byPerson: [
      { key: "michel-aoun", label: "Michel Aoun", count: 1 },
      { key: null, label: null, count: 3 },
    ],
    timeline: edges({ date: "2022-10-27", subject: { slug: BAABDA } }),
  });
});

test("a later article adds hosts of other kinds; nothing is lost, and the first organization stays the older field's", async () => {
  const document = {
    format: 4,
    article: testArticle("2026-02-22-test-hosts", "2026-02-22"),
    meetings: [{ slug: NAQURA, title: "First direct civilian talks between Lebanon and Israel in decades", hosts: [{ country: "LB" }, { person: "michel-aoun" }] }],
  };
  expect((await gql(RECORD, { document })).errors).toBeUndefined();
  const body = await gql(`{ meetingBySlug(slug: "${NAQURA}") { ${HOSTS} } countryByCode(code: "LB") { hostedMeetings { edges { node { slug } } } } }`);
  expect(body.errors).toBeUndefined();
  // By name: Lebanon, Michel Aoun, United Nations Interim Force in Lebanon.
  expect(body.data).toEqual({
    meetingBySlug: {
      hosts: {
        totalCount: 3,
        ...edges({ __typename: "Country", code: "LB" }, { __typename: "Person", slug: "michel-aoun" }, { __typename: "Organization", slug: "unifil" }),
      },
      host: { slug: "unifil" },
    },
    countryByCode: { hostedMeetings: edges({ slug: NAQURA }) },
  });
});

test("editors replace a kind of hosts; the older hostId is a set of one and clears; a new meeting starts with its hosts", async () => {
  const { data } = await gql(`{ meetingBySlug(slug: "${BAABDA}") { id } }`);
  const id = (data as { meetingBySlug: { id: string } }).meetingBySlug.id;
  const replaced = await gql(`mutation ($id: ID!) { updateMeeting(id: $id, input: { hostCountryIds: ["LB"], hostId: "unifil" }) { ${HOSTS} } }`, { id });
  expect(replaced.errors).toBeUndefined();
  expect(replaced.data).toEqual({
    updateMeeting: {
      hosts: {
        totalCount: 3,
        ...edges({ __typename: "Country", code: "LB" }, { __typename: "Person", slug: "michel-aoun" }, { __typename: "Organization", slug: "unifil" }),
      },
      host: { slug: "unifil" },
    },
  });
  const cleared = await gql(`mutation ($id: ID!) { updateMeeting(id: $id, input: { hostId: null, hostPersonIds: [] }) { ${HOSTS} } }`, { id });
  expect(cleared.errors).toBeUndefined();
  expect(cleared.data).toEqual({ updateMeeting: { hosts: { totalCount: 1, ...edges({ __typename: "Country", code: "LB" }) }, host: null } });

  const created = await gql(`mutation { createMeeting(input: { slug: "test-hosted", title: "Test hosted", hostOrganizationIds: ["unifil"], hostPersonIds: ["yair-lapid"] }) { ${HOSTS} } }`);
  expect(created.errors).toBeUndefined();
  expect(created.data).toEqual({
    createMeeting: {
      hosts: { totalCount: 2, ...edges({ __typename: "Organization", slug: "unifil" }, { __typename: "Person", slug: "yair-lapid" }) },
      host: { slug: "unifil" },
    },
  });
});

test("lists of hosts need format 4; a host names exactly one entity; a refused document writes nothing", async () => {
  const document = {
    format: 3,
    article: testArticle("2026-02-23-format-three", "2026-02-23"),
    meetings: [{ slug: "test-format-three", title: "Test", hosts: [{ country: "LB", person: "michel-aoun" }] }],
  };
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [{ path: "meetings.0.hosts.0", message: "a host is a country, an organization or a person: give exactly one of them" }],
      }),
    }),
  ]);
  document.meetings[0].hosts = [{ country: "LB" }] as (typeof document.meetings)[0]["hosts"];
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({ code: "BAD_USER_INPUT", errors: [{ path: "meetings.0.hosts", message: 'lists of hosts need "format": 4' }] }),
    }),
  ]);
  expect((await gql(`{ meetingBySlug(slug: "test-format-three") { slug } articleBySlug(slug: "2026-02-23-format-three") { slug } }`)).data).toEqual({
    meetingBySlug: null,
    articleBySlug: null,
  });
});
