// Roles valid between dates: `roles(activeOn:)` keeps the roles held on a day by their start and end
// dates, so "who held office then" does not go stale the way a role's reported `status` does. Over
// the seed and the `reporting` fixture articles, through HTTP on either database (test-database.ts).
import { edges } from "./support/connections";
import { reportingSuite } from "./support/reporting-suite";

const { gql } = reportingSuite();

const ROLES = `totalCount edges { node { slug status startDate endDate } }`;
const AOUN_PRESIDENT = { slug: "michel-aoun-president", status: "CURRENT", startDate: "2016-10-31", endDate: "2022-10-30" };

test("a role is held on the days between its dates; aliases ask for different days in one statement", async () => {
  const body = await gql(`{
    personBySlug(slug: "michel-aoun") {
      atSigning: roles(activeOn: "2022-10-27") { ${ROLES} }
      lastDay: roles(activeOn: "2022-10-30") { totalCount }
      afterTerm: roles(activeOn: "2022-10-31") { ${ROLES} }
      beforeTerm: roles(activeOn: "2016-10-30") { totalCount }
      all: roles { ${ROLES} }
    }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    personBySlug: {
      // Reported as CURRENT on the day of the signing; its end date says when that stopped being true.
      atSigning: { totalCount: 1, ...edges(AOUN_PRESIDENT) },
      lastDay: { totalCount: 1 },
      afterTerm: { totalCount: 0, edges: [] },
      beforeTerm: { totalCount: 0 },
      all: { totalCount: 1, ...edges(AOUN_PRESIDENT) },
    },
  });
  expect(body.extensions?.sqlStatements).toBe(1);
});

test("an unknown start or end is open; a later article's end date closes the role; organizations' roles too", async () => {
  const ask = `query ($day: Date) {
    personBySlug(slug: "yair-lapid") { roles(activeOn: $day) { edges { node { slug status endDate } } } }
  }`;
  const lapid = (status: string, endDate: string | null) => edges({ slug: "yair-lapid-prime-minister", status, endDate });
  // Begun 2022-07-01, end not reported: held on any later day.
  expect((await gql(ask, { day: "2026-01-01" })).data).toEqual({ personBySlug: { roles: lapid("CURRENT", null) } });
  expect((await gql(ask, { day: "2022-06-30" })).data).toEqual({ personBySlug: { roles: edges() } });

  const document = {
    format: 4,
    article: { slug: "2023-01-02-test-lapid-leaves-office", title: "Test", publisher: "Example Wire", publishedOn: "2023-01-02" },
    people: [
      {
        slug: "yair-lapid",
        name: "Yair Lapid",
        roles: [{ slug: "yair-lapid-prime-minister", title: "Prime Minister of Israel", status: "FORMER", country: "IL", startDate: "2022-07-01", endDate: "2022-12-29" }],
      },
    ],
  };
  expect((await gql(`mutation ($document: JSONObject!) { recordArticle(document: $document) { facts } }`, { document })).errors).toBeUndefined();
  expect((await gql(ask, { day: "2026-01-01" })).data).toEqual({ personBySlug: { roles: edges() } });
  expect((await gql(ask, { day: "2022-12-29" })).data).toEqual({ personBySlug: { roles: lapid("FORMER", "2022-12-29") } });

  // The seed's roles carry no dates: open, except one reported as former, whose end is unknown.
  const undated = await gql(`{
    organizationBySlug(slug: "lebanese-presidency") { roles(activeOn: "2025-12-03") { edges { node { slug } } } }
    personBySlug(slug: "simon-karam") { now: roles(activeOn: "2025-12-03") { totalCount } all: roles { edges { node { slug status } } } }
  }`);
  expect(undated.errors).toBeUndefined();
  expect(undated.data).toEqual({
    organizationBySlug: { roles: edges({ slug: "joseph-aoun-president" }) },
    personBySlug: { now: { totalCount: 0 }, all: edges({ slug: "simon-karam-ambassador", status: "FORMER" }) },
  });
});

test("a day that is not a date is refused", async () => {
  const body = await gql(`{ personBySlug(slug: "michel-aoun") { roles(activeOn: "2022-13-01") { totalCount } } }`);
  expect(body.data).toBeUndefined();
  expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "GRAPHQL_VALIDATION_FAILED" }) })]);
});
