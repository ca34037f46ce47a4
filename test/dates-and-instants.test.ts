// Dates with their precision and instants with their time zone (format 4 of the article document):
// a role begun "in August 2021", a meeting "in 2019", a ceasefire taking effect at 04:00 in Beirut.
// Over the seed and the `reporting` fixture articles, through HTTP on either database (test-database.ts).
import { edges } from "./support/connections";
import { RECORD, reportingSuite, testArticle } from "./support/reporting-suite";

const { gql } = reportingSuite();


test("a date known to the month, and an instant with its time zone, as reported", async () => {
  const body = await gql(`{
    personBySlug(slug: "amos-hochstein") { roles { edges { node { startDate startDatePrecision endDate endDatePrecision } } } }
    ceasefireBySlug(slug: "israel-hezbollah-ceasefire-2024") { startDate startDatePrecision startsAt endsAt timeZone }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    // "Since August 2021": its first day, and the month as its precision.
    personBySlug: { roles: edges({ startDate: "2021-08-01", startDatePrecision: "MONTH", endDate: null, endDatePrecision: "DAY" }) },
    // 04:00 in Beirut (UTC+2) is 02:00 UTC; the zone is kept to show it as local time.
    ceasefireBySlug: { startDate: "2024-11-27", startDatePrecision: "DAY", startsAt: "2024-11-27T02:00:00.000Z", endsAt: null, timeZone: "Asia/Beirut" },
  });
  expect(body.extensions?.sqlStatements).toBe(2);
});

test("a year-precise date is its year on the timeline; a later source's day replaces it, with its precision", async () => {
  const meeting = (date: string) => ({ slug: "test-meeting-in-2019", title: "Test talks in 2019", date });
  expect((await gql(RECORD, { document: { format: 4, article: testArticle("2026-03-01-test-year", "2026-03-01"), meetings: [meeting("2019")] } })).errors).toBeUndefined();
  const ask = `{
    meetingBySlug(slug: "test-meeting-in-2019") { date datePrecision }
    timeline(filter: { from: "2019-01-01", to: "2019-12-31" }) { edges { node { date precision kind } } }
  }`;
  expect((await gql(ask)).data).toEqual({
    meetingBySlug: { date: "2019-01-01", datePrecision: "YEAR" },
    timeline: edges({ date: "2019-01-01", precision: "YEAR", kind: "MEETING" }),
  });

  expect((await gql(RECORD, { document: { format: 4, article: testArticle("2026-03-02-test-day", "2026-03-02"), meetings: [meeting("2019-06-12")] } })).errors).toBeUndefined();
  expect((await gql(ask)).data).toEqual({
    meetingBySlug: { date: "2019-06-12", datePrecision: "DAY" },
    timeline: edges({ date: "2019-06-12", precision: "DAY", kind: "MEETING" }),
  });
});

test("a role ended in a year lasts to that year's end for activeOn", async () => {
  const document = {
    format: 4,
    article: testArticle("2026-03-03-test-role-year", "2026-03-03"),
    people: [{ slug: "test-minister", name: "Test Minister", roles: [{ slug: "test-minister-role", title: "Test minister", status: "FORMER", startDate: "2018-05", endDate: "2020" }] }],
  };
  expect((await gql(RECORD, { document })).errors).toBeUndefined();
  const body = await gql(`{ personBySlug(slug: "test-minister") {
    beforeStart: roles(activeOn: "2018-04-30") { totalCount }
    startMonth: roles(activeOn: "2018-05-01") { totalCount }
    lastDay: roles(activeOn: "2020-12-31") { totalCount }
    after: roles(activeOn: "2021-01-01") { totalCount }
  } }`);
  expect(body.data).toEqual({
    personBySlug: { beforeStart: { totalCount: 0 }, startMonth: { totalCount: 1 }, lastDay: { totalCount: 1 }, after: { totalCount: 0 } },
  });
});

test("editors write precisions and instants; a date given alone is to the day; a precision cannot be cleared", async () => {
  const { data } = await gql(`{ meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") { id } }`);
  const id = (data as { meetingBySlug: { id: string } }).meetingBySlug.id;
  const month = await gql(
    `mutation ($id: ID!) { updateMeeting(id: $id, input: { date: "2025-12-01", datePrecision: MONTH, startsAt: "2025-12-03T10:30:00+02:00", timeZone: "Asia/Beirut" }) { date datePrecision startsAt timeZone } }`,
    { id },
  );
  expect(month.errors).toBeUndefined();
  expect(month.data).toEqual({ updateMeeting: { date: "2025-12-01", datePrecision: "MONTH", startsAt: "2025-12-03T08:30:00.000Z", timeZone: "Asia/Beirut" } });

  const day = await gql(`mutation ($id: ID!) { updateMeeting(id: $id, input: { date: "2025-12-03" }) { date datePrecision } }`, { id });
  expect(day.data).toEqual({ updateMeeting: { date: "2025-12-03", datePrecision: "DAY" } });

  const cleared = await gql(`mutation ($id: ID!) { updateMeeting(id: $id, input: { datePrecision: null }) { id } }`, { id });
  expect(cleared.errors).toEqual([expect.objectContaining({ message: "`input.datePrecision` must not be null.", extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
  const zone = await gql(`mutation ($id: ID!) { updateMeeting(id: $id, input: { timeZone: "Beirut" }) { id } }`, { id });
  expect(zone.errors).toEqual([
    expect.objectContaining({ message: "`input.timeZone` must be an IANA time zone, e.g. Asia/Beirut.", extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
  ]);
});

test("months, years and times need format 4; a malformed date or zone is refused, nothing written", async () => {
  const document = {
    format: 3,
    article: testArticle("2026-03-04-test-format-three", "2026-03-04"),
    meetings: [{ slug: "test-format-three-dates", title: "Test", date: "2019-13", startsAt: "2019-06-12T10:00:00Z", timeZone: "Mars/Olympus" }],
  };
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [
          { path: "meetings.0.date", message: "must be a date: YYYY-MM-DD, YYYY-MM or YYYY" },
          { path: "meetings.0.timeZone", message: "must be an IANA time zone, e.g. Asia/Beirut" },
        ],
      }),
    }),
  ]);
  Object.assign(document.meetings[0], { date: "2019-06", timeZone: "UTC" });
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [
          { path: "meetings.0.date", message: 'dates to the month or year need "format": 4' },
          { path: "meetings.0.startsAt", message: 'times of day and time zones need "format": 4' },
          { path: "meetings.0.timeZone", message: 'times of day and time zones need "format": 4' },
        ],
      }),
    }),
  ]);
  expect((await gql(`{ meetingBySlug(slug: "test-format-three-dates") { slug } }`)).data).toEqual({ meetingBySlug: null });
});

test("an end known to its month or year is out of order only when that whole period is before the start", async () => {
  const ceasefire = (endDate: string) => ({
    slug: "test-ceasefire-ended-in-a-year",
    name: "Test ceasefire",
    status: "ENDED",
    startDate: "2024-11-27",
    endDate,
  });
  const document = (endDate: string) => ({ format: 4, article: testArticle("2026-03-05-test-ceasefire-end", "2026-03-05"), ceasefires: [ceasefire(endDate)] });
  // Ended "in November 2024" or "in 2024": either may be after the 27th.
  expect((await gql(RECORD, { document: document("2024-11") })).errors).toBeUndefined();
  expect((await gql(RECORD, { document: document("2024") })).errors).toBeUndefined();
  expect((await gql(`{ ceasefireBySlug(slug: "test-ceasefire-ended-in-a-year") { startDate endDate endDatePrecision } }`)).data).toEqual({
    ceasefireBySlug: { startDate: "2024-11-27", endDate: "2024-01-01", endDatePrecision: "YEAR" },
  });
  const refused = { path: "ceasefires.0.endDate", message: "must not end before it starts" };
  for (const before of ["2024-10", "2023", "2024-11-26"]) {
    expect((await gql(RECORD, { document: document(before) })).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", errors: [refused] }) }),
    ]);
  }

  // Editors: the same rule, with the end's precision as the row will hold it.
  const { data } = await gql(`{ ceasefireBySlug(slug: "test-ceasefire-ended-in-a-year") { id } }`);
  const id = (data as { ceasefireBySlug: { id: string } }).ceasefireBySlug.id;
  const update = `mutation ($id: ID!, $input: CeasefirePatch!) { updateCeasefire(id: $id, input: $input) { endDate endDatePrecision } }`;
  expect((await gql(update, { id, input: { endDate: "2024-11-01", endDatePrecision: "MONTH" } })).data).toEqual({
    updateCeasefire: { endDate: "2024-11-01", endDatePrecision: "MONTH" },
  });
  expect((await gql(update, { id, input: { endDatePrecision: "DAY" } })).errors).toEqual([
    expect.objectContaining({ message: "`input.endDate` must not be before startDate.", extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
  ]);
  expect((await gql(update, { id, input: { endDate: "2024-10-01", endDatePrecision: "MONTH" } })).errors).toEqual([
    expect.objectContaining({ message: "`input.endDate` must not be before startDate.", extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
  ]);
  expect((await gql(`{ ceasefireBySlug(slug: "test-ceasefire-ended-in-a-year") { endDate endDatePrecision } }`)).data).toEqual({
    ceasefireBySlug: { endDate: "2024-11-01", endDatePrecision: "MONTH" },
  });
});

test("the importer refuses a role reported as ending before it starts, and records nothing of that document", async () => {
  const role = (startDate: string, endDate: string) => ({ slug: "test-envoy-role", title: "Test envoy", status: "FORMER", startDate, endDate });
  const document = (startDate: string, endDate: string) => ({
    format: 4,
    article: testArticle("2026-03-06-test-role-order", "2026-03-06"),
    people: [{ slug: "test-envoy", name: "Test Envoy", roles: [role(startDate, endDate)] }],
  });
  const refused = { path: "people.0.roles.0.endDate", message: "must not end before it starts" };
  for (const [startDate, endDate] of [["2021-08-01", "2021-07-31"], ["2021-08", "2021-07"], ["2021-08", "2020"]]) {
    expect((await gql(RECORD, { document: document(startDate, endDate) })).errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", errors: [refused] }) }),
    ]);
  }
  expect((await gql(`{ personBySlug(slug: "test-envoy") { slug } }`)).data).toEqual({ personBySlug: null });

  // Started on the 20th, ended "in August 2021" or "in 2021": either may be after the start.
  expect((await gql(RECORD, { document: document("2021-08-20", "2021-08") })).errors).toBeUndefined();
  expect((await gql(RECORD, { document: document("2021-08-20", "2021") })).errors).toBeUndefined();
  expect((await gql(`{ personBySlug(slug: "test-envoy") { roles { edges { node { startDate endDate endDatePrecision } } } } }`)).data).toEqual({
    personBySlug: { roles: edges({ startDate: "2021-08-20", endDate: "2021-01-01", endDatePrecision: "YEAR" }) },
  });
});
