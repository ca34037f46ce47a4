// Loads an article document (see article-document.ts) into the database in one transaction.
// An article does not overwrite facts: what it says about each field of each fact is kept as its
// claims (src/claims), every fact is linked to it as a source, and the facts' rows are then
// recomputed from the claims of all sources (the merge rule in src/claims/derive.ts). Recording
// a new version of an article (same slug) replaces that article's claims and links: what it no
// longer says is withdrawn, other articles' claims stay. Rows whose content is unchanged are not
// written, so loading the same document again changes nothing (not even updatedAt), and the
// result does not depend on the order articles are recorded in. Every change is logged
// (src/claims/history.ts). Any error rolls the whole document back.
import type { FactKind, Prisma, PrismaClient } from "../generated/prisma/client";
import type { ModelName, Rows, Tx } from "../database/rows";
import { nextUpdatedAt } from "../database/updated-at";
import type { ArticleDocument } from "./article-document";
import { ArticleConflictError, identityDifferences } from "./article-identity";
import { checkArticleDocument } from "./check-document";
import { InvalidDocumentError } from "./document-issues";
import { reportedPeriod } from "../validation";
import { claimedFields, firstOfSets, type LinkModel, toClaimValue } from "../claims/claim-fields";
import { type ChangeEntry, logChanges } from "../claims/history";
import { claimedValues, inLockOrder, recomputeFacts, sameValue } from "../claims/recompute";
import { factKinds, SUBJECT_KINDS, subjectField } from "../database/fact-kinds";


export interface ImportResult {
  articleId: string;
  /** Number of facts the article is recorded as the source of. */
  facts: number;
  /** Rows created or changed and source links added: 0 when the article was already recorded as it is. */
  changes: number;
}

const asDate = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);
const asInstant = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * A reported date (`2025-12-03`, `2025-12`, `2025`) as `field`, its first day, and `<field>Precision`
 * (said with it: a later article's day replaces an earlier one's year); only `field`, null, when not reported.
 */
function dated<F extends string>(field: F, value: string | null | undefined): Record<string, unknown> {
  if (!value) return { [field]: null };
  const { firstDay, precision } = reportedPeriod(value);
  return { [field]: firstDay, [`${field}Precision`]: precision };
}

/**
 * Checks the document (every error at once: InvalidDocumentError) and records it.
 * `actor` is recorded as createdBy/updatedBy and in the change log: a token's subject, or
 * "import" for files; `via` names the way in ("import", "recordArticle").
 */
export async function importArticle(prisma: PrismaClient, input: unknown, actor = "import", via = "import"): Promise<ImportResult> {
  return prisma.$transaction(async (tx) => new ArticleImport(tx, await checkArticleDocument(tx, input), actor, via).run(), {
    timeout: 60_000,
    maxWait: 10_000,
  });
}

/** One import run: resolves natural keys to ids as it goes and collects the fact-source links. */
class ArticleImport {
  private readonly ids = {
    country: new Map<string, string>(),
    place: new Map<string, string>(),
    organization: new Map<string, string>(),
    person: new Map<string, string>(),
    ceasefire: new Map<string, string>(),
    meeting: new Map<string, string>(),
    agreement: new Map<string, string>(),
    plan: new Map<string, string>(),
    term: new Map<string, string>(),
    vote: new Map<string, string>(),
    statement: new Map<string, string>(),
  };
  private readonly facts: { factKind: FactKind; factId: string }[] = [];
  /** What this article says: `kind|id|field` to the claim's value. */
  private readonly claims = new Map<string, { factKind: FactKind; factId: string; field: string; value: unknown }>();
  /** Facts whose rows this import created. */
  private readonly created = new Set<string>();
  private changes = 0;

  constructor(
    private readonly tx: Tx,
    private readonly doc: ArticleDocument,
    private readonly actor: string,
    private readonly via: string,
  ) {}

  async run(): Promise<ImportResult> {
    const { doc, tx } = this;
    // Read in the transaction that writes, so a concurrent import of the slug cannot slip between.
    const stored = await tx.article.findUnique({ where: { slug: doc.article.slug } });
    const differences = stored ? identityDifferences(stored, doc.article) : [];
    if (stored && differences.length) throw new ArticleConflictError(stored, differences);
    const article = await this.saveArticle(stored, {
      ...doc.article,
      agency: doc.article.agency ?? null,
      url: doc.article.url ?? null,
      publishedOn: asDate(doc.article.publishedOn)!,
    });

    for (const country of doc.countries) {
      const row = await this.save("COUNTRY", { code: country.code }, country);
      this.remember("country", country.code, row.id, "COUNTRY");
    }
    for (const i of outerPlacesFirst(doc.places)) {
      const place = doc.places[i];
      const data = {
        slug: place.slug,
        name: place.name,
        aliases: place.aliases,
        description: place.description ?? null,
        countryId: await this.ref("country", place.country, `places.${i}.country`),
        withinId: await this.ref("place", place.within, `places.${i}.within`),
      };
      const row = await this.save("PLACE", { slug: place.slug }, data);
      this.remember("place", place.slug, row.id, "PLACE");
    }
    for (const [i, organization] of doc.organizations.entries()) {
      const data = {
        slug: organization.slug,
        name: organization.name,
        aliases: organization.aliases,
        kind: organization.kind,
        description: organization.description ?? null,
        countryId: await this.ref("country", organization.country, `organizations.${i}.country`),
      };
      const row = await this.save("ORGANIZATION", { slug: organization.slug }, data);
      this.remember("organization", organization.slug, row.id, "ORGANIZATION");
    }
    for (const [i, person] of doc.people.entries()) {
      const data = {
        slug: person.slug,
        name: person.name,
        aliases: person.aliases,
        isNamed: person.isNamed,
        description: person.description ?? null,
        nationalityId: await this.ref("country", person.nationality, `people.${i}.nationality`),
      };
      const row = await this.save("PERSON", { slug: person.slug }, data);
      this.remember("person", person.slug, row.id, "PERSON");
    }
    // Bodies' chairs and members, and roles, after all people and organizations, so that any order in the document works.
    for (const [i, organization] of doc.organizations.entries()) {
      const at = `organizations.${i}`;
      const chairsAndMembers = { ...(await this.linked("chair", organization.chairs, `${at}.chairs`)), ...(await this.linked("member", organization.members, `${at}.members`)) };
      if (organization.chairs.length + organization.members.length > 0) await this.save("ORGANIZATION", { slug: organization.slug }, chairsAndMembers);
    }
    for (const [i, person] of doc.people.entries()) {
      for (const [j, role] of person.roles.entries()) {
        const at = `people.${i}.roles.${j}`;
        const data = {
          slug: role.slug,
          personId: this.ids.person.get(person.slug)!,
          title: role.title,
          status: role.status,
          organizationId: await this.ref("organization", role.organization, `${at}.organization`),
          countryId: await this.ref("country", role.country, `${at}.country`),
          ...dated("startDate", role.startDate),
          ...dated("endDate", role.endDate),
        };
        const row = await this.save("PERSON_ROLE", { slug: role.slug }, data);
        this.facts.push({ factKind: "PERSON_ROLE", factId: row.id });
      }
    }
    // Agreements before the ceasefires they set; their meetings, which come later, are said below.
    for (const [i, agreement] of doc.agreements.entries()) {
      const at = `agreements.${i}`;
      const data = {
        slug: agreement.slug,
        title: agreement.title,
        aliases: agreement.aliases,
        kind: agreement.kind,
        summary: agreement.summary ?? null,
        ...dated("signedOn", agreement.signedOn),
        ...dated("announcedOn", agreement.announcedOn),
        placeId: await this.ref("place", agreement.place, `${at}.place`),
      };
      // Signatories and mediators are claims like the columns: the agreement's link rows are their union.
      const signatories = await this.linked("signatory", agreement.signatories, `${at}.signatories`);
      const mediators = await this.linked("mediator", agreement.mediators, `${at}.mediators`);
      const row = await this.save("AGREEMENT", { slug: agreement.slug }, { ...data, ...signatories, ...mediators });
      this.remember("agreement", agreement.slug, row.id, "AGREEMENT");
    }
    for (const [i, ceasefire] of doc.ceasefires.entries()) {
      const data = {
        slug: ceasefire.slug,
        name: ceasefire.name,
        ...dated("startDate", ceasefire.startDate),
        ...dated("endDate", ceasefire.endDate),
        startsAt: asInstant(ceasefire.startsAt),
        endsAt: asInstant(ceasefire.endsAt),
        timeZone: ceasefire.timeZone ?? null,
        status: ceasefire.status,
        monitoringMechanism: ceasefire.monitoringMechanism ?? null,
        summary: ceasefire.summary ?? null,
        agreementId: await this.ref("agreement", ceasefire.agreement, `ceasefires.${i}.agreement`),
        monitoringBodyId: await this.ref("organization", ceasefire.monitoringBody, `ceasefires.${i}.monitoringBody`),
      };
      const parties: { partyCountryIds: string[]; partyOrganizationIds: string[] } = {
        partyCountryIds: [],
        partyOrganizationIds: [],
      };
      for (const [j, party] of ceasefire.parties.entries()) {
        const at = `ceasefires.${i}.parties.${j}`;
        if (party.country) parties.partyCountryIds.push((await this.ref("country", party.country, `${at}.country`))!);
        else parties.partyOrganizationIds.push((await this.ref("organization", party.organization, `${at}.organization`))!);
      }
      const mediators = await this.linked("mediator", ceasefire.mediators, `ceasefires.${i}.mediators`);
      // The parties are claims like the columns: the ceasefire's party rows are their union.
      const row = await this.save("CEASEFIRE", { slug: ceasefire.slug }, { ...data, ...parties, ...mediators });
      this.remember("ceasefire", ceasefire.slug, row.id, "CEASEFIRE");
    }
    for (const [i, meeting] of doc.meetings.entries()) {
      await this.importMeeting(meeting, `meetings.${i}`);
    }
    // What the article says of each agreement's meeting, now that its meetings are saved.
    for (const [i, agreement] of doc.agreements.entries()) {
      const meetingId = await this.ref("meeting", agreement.meeting, `agreements.${i}.meeting`);
      if (meetingId) await this.save("AGREEMENT", { slug: agreement.slug }, { meetingId });
    }
    for (const [i, statement] of doc.statements.entries()) {
      const at = `statements.${i}`;
      const data = {
        slug: statement.slug,
        summary: statement.summary,
        quote: statement.quote ?? null,
        channel: statement.channel ?? null,
        ...dated("date", statement.date),
        madeAt: asInstant(statement.madeAt),
        timeZone: statement.timeZone ?? null,
        placeId: await this.ref("place", statement.place, `${at}.place`),
        ceasefireId: await this.ref("ceasefire", statement.ceasefire, `${at}.ceasefire`),
      };
      // `speakerPerson`, `speakerOrganization` and `speakerCountry` (every format) are speakers like those of `speakers` (format 3).
      const speakers = await this.linked("speaker", statement.speakers, `${at}.speakers`);
      const named = [
        ["speakerPersonIds", await this.ref("person", statement.speakerPerson, `${at}.speakerPerson`)],
        ["speakerOrganizationIds", await this.ref("organization", statement.speakerOrganization, `${at}.speakerOrganization`)],
        ["speakerCountryIds", await this.ref("country", statement.speakerCountry, `${at}.speakerCountry`)],
      ] as const;
      for (const [field, id] of named) speakers[field] = putFirst(speakers[field], id);
      const row = await this.save("STATEMENT", { slug: statement.slug }, { ...data, ...speakers });
      this.remember("statement", statement.slug, row.id, "STATEMENT");
      for (const figure of statement.figures) {
        const figureData = {
          slug: figure.slug,
          statementId: row.id,
          ceasefireId: data.ceasefireId!,
          metric: figure.metric,
          value: figure.value,
          qualifier: figure.qualifier,
          quote: figure.quote ?? null,
        };
        const figureRow = await this.save("REPORTED_FIGURE", { slug: figure.slug }, figureData);
        this.facts.push({ factKind: "REPORTED_FIGURE", factId: figureRow.id });
      }
    }
    for (const [i, plan] of doc.plans.entries()) {
      const at = `plans.${i}`;
      const data = {
        slug: plan.slug,
        title: plan.title,
        summary: plan.summary,
        area: plan.area ?? null,
        ...dated("deadline", plan.deadline),
        nextPhase: plan.nextPhase ?? null,
        responsibleOrganizationId: await this.ref("organization", plan.responsibleOrganization, `${at}.responsibleOrganization`),
        targetOrganizationId: await this.ref("organization", plan.targetOrganization, `${at}.targetOrganization`),
        approvedById: await this.ref("organization", plan.approvedBy, `${at}.approvedBy`),
        ceasefireId: await this.ref("ceasefire", plan.ceasefire, `${at}.ceasefire`),
        agreementId: await this.ref("agreement", plan.agreement, `${at}.agreement`),
      };
      const row = await this.save("PLAN", { slug: plan.slug }, data);
      this.remember("plan", plan.slug, row.id, "PLAN");
    }
    for (const [i, term] of doc.terms.entries()) {
      const at = `terms.${i}`;
      const data = {
        slug: term.slug,
        title: term.title,
        summary: term.summary ?? null,
        ceasefireId: await this.ref("ceasefire", term.ceasefire, `${at}.ceasefire`),
        agreementId: await this.ref("agreement", term.agreement, `${at}.agreement`),
        boundCountryId: await this.ref("country", term.boundCountry, `${at}.boundCountry`),
        boundOrganizationId: await this.ref("organization", term.boundOrganization, `${at}.boundOrganization`),
        placeId: await this.ref("place", term.place, `${at}.place`),
        durationDays: term.durationDays ?? null,
        ...dated("deadline", term.deadline),
      };
      const row = await this.save("TERM", { slug: term.slug }, data);
      this.remember("term", term.slug, row.id, "TERM");
    }
    for (const [i, vote] of doc.votes.entries()) {
      const at = `votes.${i}`;
      const data = {
        slug: vote.slug,
        title: vote.title,
        summary: vote.summary ?? null,
        ...dated("date", vote.date),
        outcome: vote.outcome ?? null,
        votesFor: vote.votesFor ?? null,
        votesAgainst: vote.votesAgainst ?? null,
        abstentions: vote.abstentions ?? null,
        bodyId: await this.ref("organization", vote.body, `${at}.body`),
        placeId: await this.ref("place", vote.place, `${at}.place`),
        meetingId: await this.ref("meeting", vote.meeting, `${at}.meeting`),
        ceasefireId: await this.ref("ceasefire", vote.ceasefire, `${at}.ceasefire`),
        agreementId: await this.ref("agreement", vote.agreement, `${at}.agreement`),
        planId: await this.ref("plan", vote.plan, `${at}.plan`),
      };
      const row = await this.save("VOTE", { slug: vote.slug }, data);
      this.remember("vote", vote.slug, row.id, "VOTE");
    }
    // Last, when everything the document names has an id: what its statements are about.
    for (const [i, statement] of doc.statements.entries()) {
      const subjects = Object.fromEntries(SUBJECT_KINDS.map((kind) => [subjectField(kind), [] as string[]]));
      for (const [j, subject] of statement.subjects.entries()) {
        const kind = SUBJECT_KINDS.find((candidate) => subject[factKinds[candidate].model] !== undefined)!;
        const key = factKinds[kind].model as keyof ArticleImport["ids"];
        subjects[subjectField(kind)].push((await this.ref(key, subject[key], `statements.${i}.subjects.${j}.${key}`))!);
      }
      this.claimAll("STATEMENT", this.ids.statement.get(statement.slug)!, subjects);
    }

    await this.settle(article);
    return { articleId: article.id, facts: this.facts.length, changes: this.changes };
  }

  /**
   * Replaces this article's claims and source links with the ones of this version (withdrawing
   * what it no longer says), recomputes every fact whose claims changed or that it names, and
   * logs what changed.
   */
  private async settle(article: { id: string; slug: string }): Promise<void> {
    const { tx } = this;
    const log: ChangeEntry[] = [];
    const claimChanges = new Map<string, { before: Record<string, unknown>; after: Record<string, unknown> }>();
    const noteClaim = (kind: FactKind, id: string, field: string, before: unknown, after: unknown) => {
      const key = `${kind}|${id}`;
      const entry = claimChanges.get(key) ?? { before: {}, after: {} };
      entry.before[field] = before;
      entry.after[field] = after;
      claimChanges.set(key, entry);
    };

    const stored = await tx.claim.findMany({ where: { articleId: article.id } });
    const storedByKey = new Map(stored.map((claim) => [`${claim.factKind}|${claim.factId}|${claim.field}`, claim]));
    const withdrawn = stored.filter((claim) => !this.claims.has(`${claim.factKind}|${claim.factId}|${claim.field}`));
    if (withdrawn.length > 0) await tx.claim.deleteMany({ where: { id: { in: withdrawn.map((claim) => claim.id) } } });
    withdrawn.forEach((claim) => noteClaim(claim.factKind, claim.factId, claim.field, claim.value, null));
    const added: Prisma.ClaimCreateManyInput[] = [];
    for (const [key, claim] of this.claims) {
      const previous = storedByKey.get(key);
      if (!previous) {
        added.push({ ...claim, value: claim.value as Prisma.InputJsonValue, articleId: article.id, createdBy: this.actor });
        if (!this.created.has(`${claim.factKind}|${claim.factId}`)) noteClaim(claim.factKind, claim.factId, claim.field, null, claim.value);
      } else if (JSON.stringify(previous.value) !== JSON.stringify(claim.value)) {
        await tx.claim.update({ where: { id: previous.id }, data: { value: claim.value as Prisma.InputJsonValue } });
        noteClaim(claim.factKind, claim.factId, claim.field, previous.value, claim.value);
      }
    }
    if (added.length > 0) await tx.claim.createMany({ data: added });

    // Source links: this version's, the others withdrawn.
    const links = await tx.factSource.findMany({ where: { articleId: article.id } });
    const wanted = new Set(this.facts.map((fact) => `${fact.factKind}|${fact.factId}`));
    const staleLinks = links.filter((link) => !wanted.has(`${link.factKind}|${link.factId}`));
    if (staleLinks.length > 0) await tx.factSource.deleteMany({ where: { id: { in: staleLinks.map((link) => link.id) } } });
    const newLinks = await tx.factSource.createMany({
      data: this.facts.map((fact) => ({ ...fact, articleId: article.id, createdBy: this.actor })),
      skipDuplicates: true,
    });
    this.changes += staleLinks.length + newLinks.count + withdrawn.length;

    // Every fact named or withdrawn from, recomputed and logged in lock order.
    const touched = new Map<string, { factKind: FactKind; factId: string }>();
    const touch = (factKind: FactKind, factId: string) => touched.set(`${factKind}|${factId}`, { factKind, factId });
    this.facts.forEach((fact) => touch(fact.factKind, fact.factId));
    for (const key of claimChanges.keys()) {
      const [kind, id] = key.split("|");
      touch(kind as FactKind, id);
    }
    staleLinks.forEach((link) => touch(link.factKind, link.factId));
    const unlinked = new Set(staleLinks.map((link) => `${link.factKind}|${link.factId}`));
    const rowChanges = new Map<string, { before: Record<string, unknown>; after: Record<string, unknown> }>();
    for (const change of await recomputeFacts(tx, touched.values(), this.actor)) {
      if (!this.created.has(`${change.kind}|${change.id}`)) this.changes += 1;
      this.changes += change.extraRows;
      rowChanges.set(`${change.kind}|${change.id}`, change);
    }
    const createdRows = await this.createdRows();
    for (const { factKind: kind, factId: id } of inLockOrder(touched.values())) {
      const key = `${kind}|${id}`;
      const typeName = factKinds[kind].typeName;
      if (this.created.has(key)) {
        log.push({ entityType: typeName, entityId: id, action: "CREATED", before: null, after: claimedValues(kind, createdRows.get(id) ?? {}) });
        continue;
      }
      const rowChange = rowChanges.get(key);
      const claimChange = claimChanges.get(key);
      const wasUnlinked = unlinked.has(key);
      if (!rowChange && !claimChange && !wasUnlinked) continue;
      log.push({
        entityType: typeName,
        entityId: id,
        action: "UPDATED",
        before: { ...rowChange?.before, ...(claimChange ? { claims: claimChange.before } : {}), ...(wasUnlinked ? { source: article.slug } : {}) },
        after: { ...rowChange?.after, ...(claimChange ? { claims: claimChange.after } : {}), ...(wasUnlinked ? { source: null } : {}) },
      });
    }
    await logChanges(tx, { actor: this.actor, via: this.via, article }, [...this.articleLog, ...log]);
  }

  /** The rows this import created, as recomputed (for their CREATED entries): one read per kind. */
  private async createdRows(): Promise<Map<string, Record<string, unknown>>> {
    const rows = new Map<string, Record<string, unknown>>();
    for (const kind of Object.keys(factKinds) as FactKind[]) {
      const ids = [...this.created].filter((key) => key.startsWith(`${kind}|`)).map((key) => key.slice(kind.length + 1));
      if (ids.length === 0) continue;
      const table = this.tx[factKinds[kind].model] as unknown as RowWriter<Record<string, unknown>>;
      for (const row of await table.findMany({ where: { id: { in: ids } } })) rows.set(row.id as string, row);
    }
    return rows;
  }

  private readonly articleLog: ChangeEntry[] = [];

  /** The article's own row: its metadata is the latest version's. */
  private async saveArticle(existing: Rows["article"] | null, data: Record<string, unknown>): Promise<Rows["article"]> {
    const where = { slug: data.slug as string };
    const json = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.keys(data).map((field) => [field, toClaimValue(row[field])]));
    if (!existing) {
      this.changes += 1;
      const row = await this.tx.article.create({ data: { ...(data as Prisma.ArticleCreateInput), createdBy: this.actor, updatedBy: this.actor } });
      this.articleLog.push({ entityType: "Article", entityId: row.id, action: "CREATED", before: null, after: json(row) });
      return row;
    }
    const changed = Object.keys(data).filter((field) => !sameValue(existing[field as keyof Rows["article"]], data[field]));
    if (changed.length === 0) return existing;
    this.changes += 1;
    const row = await this.tx.article.update({
      where,
      data: { ...data, updatedBy: this.actor, updatedAt: nextUpdatedAt(existing.updatedAt) },
    });
    const pick = (source: Record<string, unknown>) => Object.fromEntries(changed.map((field) => [field, toClaimValue(source[field])]));
    this.articleLog.push({ entityType: "Article", entityId: row.id, action: "UPDATED", before: pick(existing), after: pick(row) });
    return row;
  }

  private async importMeeting(meeting: ArticleDocument["meetings"][number], at: string): Promise<void> {
    const data = {
      slug: meeting.slug,
      title: meeting.title,
      ...dated("date", meeting.date),
      startsAt: asInstant(meeting.startsAt),
      timeZone: meeting.timeZone ?? null,
      purpose: meeting.purpose ?? null,
      summary: meeting.summary ?? null,
      placeId: await this.ref("place", meeting.place, `${at}.place`),
      ceasefireId: await this.ref("ceasefire", meeting.ceasefire, `${at}.ceasefire`),
    };
    // `mediator` and `mediatorCountry` (every format) are mediators like those of `mediators` (format 3).
    const mediators = await this.linked("mediator", meeting.mediators, `${at}.mediators`);
    const mediator = await this.ref("person", meeting.mediator, `${at}.mediator`);
    const mediatorCountry = await this.ref("country", meeting.mediatorCountry, `${at}.mediatorCountry`);
    mediators.mediatorPersonIds = putFirst(mediators.mediatorPersonIds, mediator);
    mediators.mediatorCountryIds = putFirst(mediators.mediatorCountryIds, mediatorCountry);
    // `host` (every format) is a host like those of `hosts` (format 4).
    const hosts = await this.linked("host", meeting.hosts, `${at}.hosts`);
    hosts.hostOrganizationIds = putFirst(hosts.hostOrganizationIds, await this.ref("organization", meeting.host, `${at}.host`));
    const row = await this.save("MEETING", { slug: meeting.slug }, { ...data, ...mediators, ...hosts });
    this.remember("meeting", meeting.slug, row.id, "MEETING");
    for (const [j, delegation] of meeting.delegations.entries()) {
      const delegationAt = `${at}.delegations.${j}`;
      const countryId = (await this.ref("country", delegation.country, `${delegationAt}.country`))!;
      const delegationData = {
        leaderId: await this.ref("person", delegation.leader, `${delegationAt}.leader`),
        description: delegation.description ?? null,
      };
      const delegationRow = await this.save(
        "DELEGATION",
        { meetingId_countryId: { meetingId: row.id, countryId } },
        { meetingId: row.id, countryId, ...delegationData },
      );
      this.facts.push({ factKind: "DELEGATION", factId: delegationRow.id });
      for (const [k, member] of delegation.members.entries()) {
        const personId = (await this.ref("person", member.person, `${delegationAt}.members.${k}.person`))!;
        const memberData = { role: member.role, roleNote: member.roleNote ?? null, attendance: member.attendance };
        const memberRow = await this.save(
          "DELEGATION_MEMBER",
          { delegationId_personId: { delegationId: delegationRow.id, personId } },
          { delegationId: delegationRow.id, personId, ...memberData },
        );
        this.facts.push({ factKind: "DELEGATION_MEMBER", factId: memberRow.id });
      }
    }
  }

  /**
   * Creates the fact `where` names if it does not exist yet, and records what this article says
   * about its claimed fields (claim-fields.ts). An existing row is not written here: settle()
   * recomputes it from all its claims.
   */
  private async save<K extends FactKind>(kind: K, where: object, data: Record<string, unknown>): Promise<{ id: string }> {
    const model = factKinds[kind].model as SavedModel;
    const table = this.tx[model] as unknown as RowWriter<Rows[SavedModel]>;
    const columns = { ...Object.fromEntries(Object.entries(data).filter(([field]) => !claimedFields[kind][field]?.links)), ...firstOfSets(kind, data) };
    let row: { id: string } | null = await table.findUnique({ where });
    if (!row) {
      this.changes += 1;
      row = await table.create({ data: { ...columns, createdBy: this.actor, updatedBy: this.actor } });
      this.created.add(`${kind}|${row.id}`);
    }
    this.claimAll(kind, row.id, data);
    return row;
  }

  /** Records what this article says about the claimed fields of the fact in `data`. */
  private claimAll(kind: FactKind, id: string, data: Record<string, unknown>): void {
    for (const field of Object.keys(claimedFields[kind])) {
      const value = toClaimValue(data[field]);
      if (value !== null) this.claims.set(`${kind}|${id}|${field}`, { factKind: kind, factId: id, field, value });
    }
  }

  /**
   * The ids of a list of countries, organizations and people (signatories, mediators), as the
   * claimed sets `<prefix>CountryIds`, `<prefix>OrganizationIds` and `<prefix>PersonIds`.
   */
  private async linked<P extends string>(
    prefix: P,
    entries: { country?: string; organization?: string; person?: string }[],
    at: string,
  ): Promise<Record<`${P}${"Country" | "Organization" | "Person"}Ids`, string[]>> {
    const ids = { [`${prefix}CountryIds`]: [], [`${prefix}OrganizationIds`]: [], [`${prefix}PersonIds`]: [] } as Record<string, string[]>;
    for (const [j, entry] of entries.entries()) {
      const kind = entry.country ? "country" : entry.organization ? "organization" : "person";
      const field = `${prefix}${kind[0].toUpperCase()}${kind.slice(1)}Ids`;
      ids[field].push((await this.ref(kind, entry[kind], `${at}.${j}.${kind}`))!);
    }
    return ids;
  }

  private remember(kind: keyof ArticleImport["ids"], key: string, id: string, factKind: FactKind): void {
    this.ids[kind].set(key, id);
    this.facts.push({ factKind, factId: id });
  }

  /** Resolves a natural key to an id: from this document first, then from the database. */
  private async ref(
    kind: keyof ArticleImport["ids"],
    key: string | null | undefined,
    at: string,
  ): Promise<string | null> {
    if (!key) return null;
    const known = this.ids[kind].get(key);
    if (known) return known;
    const row =
      kind === "country"
        ? await this.tx.country.findUnique({ where: { code: key }, select: { id: true } })
        : await (this.tx[kind] as unknown as SlugLookup).findUnique({ where: { slug: key }, select: { id: true } });
    if (!row) throw new InvalidDocumentError([{ path: at, message: `no ${kind} with key "${key}" in the document or the database` }]);
    this.ids[kind].set(key, row.id);
    return row.id;
  }
}

/** A set with an older single field's id first (the member its column keeps), once; unchanged without one. */
function putFirst(set: string[], id: string | null): string[] {
  return id ? [...new Set([id, ...set])] : set;
}

/**
 * The indexes of the document's places, each after the place it lies within when that one is in
 * the document too (so it is saved first); a document whose places lie within one another in a
 * circle is refused. Circles through places already stored are refused by the database.
 */
function outerPlacesFirst(places: ArticleDocument["places"]): number[] {
  const indexBySlug = new Map(places.map((place, i) => [place.slug, i]));
  const order: number[] = [];
  const state = new Map<number, "visiting" | "done">();
  const visit = (i: number) => {
    if (state.get(i) === "done") return;
    if (state.get(i) === "visiting") throw new InvalidDocumentError([{ path: `places.${i}.within`, message: "a place cannot lie within itself" }]);
    state.set(i, "visiting");
    const outer = places[i].within ? indexBySlug.get(places[i].within!) : undefined;
    if (outer !== undefined) visit(outer);
    state.set(i, "done");
    order.push(i);
  };
  places.forEach((_, i) => visit(i));
  return order;
}

type SavedModel = Exclude<ModelName, LinkModel | "factSource" | "article">;

/** The calls `save` makes; Prisma's generated delegates have no common type to name them by. */
interface RowWriter<Row> {
  findUnique(args: { where: object }): Promise<Row | null>;
  findMany(args: { where: object }): Promise<Row[]>;
  create(args: { data: object }): Promise<Row>;
  update(args: { where: object; data: object }): Promise<Row>;
}

/** The one call `ref` makes on the slug-keyed delegates; their generated types do not unify. */
interface SlugLookup {
  findUnique(args: { where: { slug: string }; select: { id: true } }): Promise<{ id: string } | null>;
}
