// Agreements (format 3 of the article document): what was signed, when, where, at which meeting
// and by whom, the ceasefire an agreement set, each a claim with its sources; read both ways in
// one statement, on the timeline and in search. Over the seed and the `reporting` fixture articles
// (one of them a signing), through HTTP on either database (test-database.ts).
import { edges } from "./support/connections";
import { RECORD, reportingSuite, testArticle } from "./support/reporting-suite";

const { gql } = reportingSuite();

const MARITIME = "lebanon-israel-maritime-border-agreement";

const SIGNATORY = `__typename ... on Country { code } ... on Organization { slug } ... on Person { slug }`;

test("an agreement with its signatories, place, meeting and sources, in one statement", async () => {
  const body = await gql(`{
    agreementBySlug(slug: "${MARITIME}") {
      slug title aliases kind summary signedOn announcedOn
      place { slug }
      meeting { slug date host { slug } mediator { slug } mediatingCountry { code } }
      signatories { totalCount edges { node { ${SIGNATORY} } } }
      ceasefires { totalCount }
      terms { edges { node { slug boundCountry { code } place { name } } } }
      sources { edges { node { slug } } }
    }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    agreementBySlug: {
      slug: MARITIME,
      title: "Lebanon–Israel maritime border agreement",
      aliases: ["Maritime border deal"],
      kind: "ACCORD",
      summary: "Draws the boundary between the two countries' economic waters along line 23.",
      signedOn: "2022-10-27",
      announcedOn: "2022-10-11",
      place: { slug: "naqura" },
      meeting: { slug: "naqura-maritime-deal-handover", date: "2022-10-27", host: { slug: "unifil" }, mediator: { slug: "amos-hochstein" }, mediatingCountry: { code: "US" } },
      // By name: Israel, Lebanon, Michel Aoun, Yair Lapid.
      signatories: {
        totalCount: 4,
        ...edges(
          { __typename: "Country", code: "IL" },
          { __typename: "Country", code: "LB" },
          { __typename: "Person", slug: "michel-aoun" },
          { __typename: "Person", slug: "yair-lapid" },
        ),
      },
      ceasefires: { totalCount: 0 },
      // What it settles, each a term binding one side at a place (undated: by slug).
      terms: edges(
        { slug: "karish-field-on-israels-side-2022", boundCountry: { code: "LB" }, place: { name: "Karish gas field" } },
        { slug: "lebanon-develops-qana-prospect-2022", boundCountry: { code: "IL" }, place: { name: "Qana prospect" } },
      ),
      sources: edges({ slug: "2022-10-27-maritime-border-agreement" }),
    },
  });
  expect(body.extensions?.sqlStatements).toBe(1);
});

test("what each signatory signed, and what was signed at a meeting and a place, in one statement", async () => {
  const agreementsOf = `agreementsSigned { edges { node { slug signedOn } } }`;
  const body = await gql(`{
    countryByCode(code: "LB") { ${agreementsOf} }
    people(filter: { name: "Lapid" }) { edges { node { slug ${agreementsOf} } } }
    meetingBySlug(slug: "naqura-maritime-deal-handover") { agreements { edges { node { slug } } } }
    placeBySlug(slug: "naqura") { agreements { totalCount } }
    organizations(filter: { name: "UNIFIL" }) { edges { node { slug agreementsSigned { totalCount } } } }
  }`);
  expect(body.errors).toBeUndefined();
  const signed = edges({ slug: MARITIME, signedOn: "2022-10-27" });
  expect(body.data).toEqual({
    countryByCode: { agreementsSigned: signed },
    people: edges({ slug: "yair-lapid", agreementsSigned: signed }),
    meetingBySlug: { agreements: edges({ slug: MARITIME }) },
    placeBySlug: { agreements: { totalCount: 1 } },
    organizations: edges({ slug: "unifil", agreementsSigned: { totalCount: 0 } }),
  });
  expect(body.extensions?.sqlStatements).toBe(5);
});

test("agreements filtered by signatory (any kind, by key), kind and signing date", async () => {
  const slugs = async (filter: string) => {
    const body = await gql(`{ agreements(filter: ${filter}) { totalCount edges { node { slug } } } }`);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const found = { agreements: { totalCount: 1, ...edges({ slug: MARITIME }) } };
  const none = { agreements: { totalCount: 0, edges: [] } };
  expect(await slugs(`{ signatory: "IL" }`)).toEqual(found);
  expect(await slugs(`{ signatory: "michel-aoun", kind: ACCORD }`)).toEqual(found);
  expect(await slugs(`{ signatory: "US" }`)).toEqual(none);
  expect(await slugs(`{ kind: TREATY }`)).toEqual(none);
  expect(await slugs(`{ from: "2022-10-01", to: "2022-10-31", reportedIn: "2022-10-27-maritime-border-agreement" }`)).toEqual(found);
  expect(await slugs(`{ from: "2022-10-28" }`)).toEqual(none);
  expect((await gql(`{ agreements(filter: { signatory: "Not a key!" }) { totalCount } }`)).errors).toEqual([
    expect.objectContaining({ message: "`filter.signatory` is not a valid id, slug or ISO code.", extensions: { code: "BAD_USER_INPUT", field: "filter.signatory" } }),
  ]);
});

test("a signing is a timeline event, found by its signatories and their countries; search finds the agreement", async () => {
  const timeline = await gql(`{
    signings: timeline(filter: { kinds: [SIGNING] }) { totalCount edges { node { date kind subject { ... on Agreement { slug } } } } }
    byAoun: timeline(filter: { involving: "michel-aoun", to: "2022-12-31" }) { edges { node { kind } } }
    israel2022: timeline(filter: { countryCode: "IL", from: "2022-01-01", to: "2022-12-31" }) { edges { node { kind } } }
  }`);
  expect(timeline.errors).toBeUndefined();
  expect(timeline.data).toEqual({
    signings: { totalCount: 1, ...edges({ date: "2022-10-27", kind: "SIGNING", subject: { slug: MARITIME } }) },
    // He received the US mediator at Baabda (he hosted it and led Lebanon's delegation), signed, and spoke.
    byAoun: edges({ kind: "MEETING" }, { kind: "SIGNING" }, { kind: "STATEMENT" }),
    // The handover meeting (Israel sent a delegation), then the signing.
    israel2022: edges({ kind: "MEETING" }, { kind: "SIGNING" }),
  });
  const search = await gql(`{ search(text: "maritme bordr deal", kinds: [AGREEMENT]) { edges { node { entity { ... on Agreement { slug } } } } } }`);
  expect(search.errors).toBeUndefined();
  expect(search.data).toEqual({ search: edges({ entity: { slug: MARITIME } }) });
});

test("agreements need format 3; a signatory names exactly one entity; nothing is written", async () => {
  const document = {
    format: 2,
    article: testArticle("2026-02-01-format-two", "2026-02-01"),
    agreements: [{ slug: "test-accord", title: "Test accord", kind: "ACCORD", signatories: [{ country: "LB", person: "michel-aoun" }, {}] }],
    ceasefires: [{ slug: "test-truce", name: "Test truce", status: "PROPOSED", agreement: "test-accord" }],
  };
  expect((await gql(RECORD, { document })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [
          { path: "agreements.0.signatories.0", message: "a signatory is a country, an organization or a person: give exactly one of them" },
          { path: "agreements.0.signatories.1", message: "a signatory is a country, an organization or a person: give exactly one of them" },
        ],
      }),
    }),
  ]);
  const fixed = { ...document, agreements: [{ ...document.agreements[0], signatories: [{ country: "LB" }] }] };
  expect((await gql(RECORD, { document: fixed })).errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({
        code: "BAD_USER_INPUT",
        errors: [
          { path: "ceasefires.0.agreement", message: 'agreements need "format": 3' },
          { path: "agreements", message: 'agreements need "format": 3' },
        ],
      }),
    }),
  ]);
  expect((await gql(`{ agreementBySlug(slug: "test-accord") { slug } ceasefireBySlug(slug: "test-truce") { slug } }`)).data).toEqual({
    agreementBySlug: null,
    ceasefireBySlug: null,
  });
});

test("a ceasefire points to the agreement that set it; each article's signatories are kept, their union current", async () => {
  const truce = {
    format: 3,
    article: testArticle("2026-02-10-test-truce-signed", "2026-02-10"),
    countries: [{ code: "FR", name: "France" }],
    // The ceasefire before its agreement in the document: the import orders them.
    ceasefires: [{ slug: "test-truce", name: "Test truce", status: "IN_FORCE", startDate: "2026-02-11", agreement: "test-truce-accord", parties: [{ country: "LB" }, { country: "IL" }] }],
    agreements: [
      { slug: "test-truce-accord", title: "Test truce accord", kind: "CEASEFIRE_AGREEMENT", signedOn: "2026-02-10", signatories: [{ country: "LB" }, { country: "IL" }] },
    ],
  };
  expect((await gql(RECORD, { document: truce })).errors).toBeUndefined();
  // A later article names France as a signatory too (and says nothing of Israel): both are kept.
  const witnessed = {
    format: 3,
    article: testArticle("2026-02-12-test-truce-witnessed", "2026-02-12"),
    agreements: [{ slug: "test-truce-accord", title: "Test truce accord", kind: "CEASEFIRE_AGREEMENT", signatories: [{ country: "FR" }] }],
  };
  expect((await gql(RECORD, { document: witnessed })).errors).toBeUndefined();
  const read = `{
    ceasefireBySlug(slug: "test-truce") { agreement { slug kind signedOn ceasefires { edges { node { slug } } } } }
    agreementBySlug(slug: "test-truce-accord") {
      signatories { edges { node { ${SIGNATORY} } } }
      claims(field: "signatoryCountryIds") { current article { slug } }
      sources { edges { node { slug } } }
    }
  }`;
  const body = await gql(read);
  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({
    ceasefireBySlug: { agreement: { slug: "test-truce-accord", kind: "CEASEFIRE_AGREEMENT", signedOn: "2026-02-10", ceasefires: edges({ slug: "test-truce" }) } },
    agreementBySlug: {
      signatories: edges({ __typename: "Country", code: "FR" }, { __typename: "Country", code: "IL" }, { __typename: "Country", code: "LB" }),
      claims: [
        { current: true, article: { slug: "2026-02-10-test-truce-signed" } },
        { current: true, article: { slug: "2026-02-12-test-truce-witnessed" } },
      ],
      sources: edges({ slug: "2026-02-10-test-truce-signed" }, { slug: "2026-02-12-test-truce-witnessed" }),
    },
  });
});

test("editors create and change agreements by key; the editor's signatories win; deleting a signatory removes its row", async () => {
  const created = await gql(`mutation {
    createAgreement(input: {
      slug: "test-declaration", title: "Test declaration", kind: DECLARATION, announcedOn: "2026-03-01",
      placeId: "naqura", signatoryPersonIds: ["joseph-aoun"], signatoryOrganizationIds: ["unifil"]
    }) { slug signedOn place { slug } signatories { edges { node { ${SIGNATORY} } } } }
  }`);
  expect(created.errors).toBeUndefined();
  expect(created.data).toEqual({
    createAgreement: {
      slug: "test-declaration",
      signedOn: null,
      place: { slug: "naqura" },
      signatories: edges({ __typename: "Person", slug: "joseph-aoun" }, { __typename: "Organization", slug: "unifil" }),
    },
  });
  const { data } = await gql(`{ agreementBySlug(slug: "test-truce-accord") { id } }`);
  const id = (data as { agreementBySlug: { id: string } }).agreementBySlug.id;
  const updated = await gql(`mutation ($id: ID!) { updateAgreement(id: $id, input: { signatoryCountryIds: ["US"] }) { signatories { edges { node { ${SIGNATORY} } } } } }`, { id });
  expect(updated.errors).toBeUndefined();
  expect(updated.data).toEqual({ updateAgreement: { signatories: edges({ __typename: "Country", code: "US" }) } });

  const refused = await gql(`mutation { createAgreement(input: { slug: "test-bad", title: "Bad", kind: ACCORD, signatoryPersonIds: ["nobody-by-that-name"] }) { slug } }`);
  expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
  expect((await gql(`{ agreementBySlug(slug: "test-bad") { slug } }`)).data).toEqual({ agreementBySlug: null });

  // A person who signed is referred to; deleting them with cascade takes their signatory row, not the agreement.
  const person = await gql(`{ personBySlug(slug: "joseph-aoun") { id } }`);
  const personId = (person.data as { personBySlug: { id: string } }).personBySlug.id;
  const conflict = await gql(`mutation ($id: ID!) { deletePerson(id: $id) { id } }`, { id: personId });
  expect(conflict.errors?.[0]).toEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: "CONFLICT" }) }));
  expect((await gql(`mutation ($id: ID!) { deletePerson(id: $id, cascade: true) { id } }`, { id: personId })).errors).toBeUndefined();
  expect((await gql(`{ agreementBySlug(slug: "test-declaration") { signatories { edges { node { ${SIGNATORY} } } } } }`)).data).toEqual({
    agreementBySlug: { signatories: edges({ __typename: "Organization", slug: "unifil" }) },
  });
});
