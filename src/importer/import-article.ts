// Loads an article document (see article-document.ts) into the database in one transaction:
// every entity is created or updated by its natural key and linked to the article as its source.
// Rows whose content is unchanged are not written at all, so loading the same document again
// changes nothing (not even updatedAt). Any error rolls the whole document back.
import type { FactKind, PrismaClient } from "../generated/prisma/client";
import type { ModelName, Rows } from "../database/rows";
import { nextUpdatedAt } from "../database/updated-at";
import type { ArticleDocument } from "./article-document";
import { ArticleConflictError, identityDifferences } from "./article-identity";
import { checkArticleDocument } from "./check-document";
import { InvalidDocumentError } from "./document-issues";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface ImportResult {
  articleId: string;
  /** Number of facts the article is recorded as the source of. */
  facts: number;
  /** Rows created or changed and source links added: 0 when the article was already recorded as it is. */
  changes: number;
}

const asDate = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/**
 * Checks the document (every error at once: InvalidDocumentError) and records it.
 * `actor` is recorded as createdBy/updatedBy: a token's subject, or "import" for files.
 */
export async function importArticle(prisma: PrismaClient, input: unknown, actor = "import"): Promise<ImportResult> {
  return prisma.$transaction(async (tx) => new ArticleImport(tx, await checkArticleDocument(tx, input), actor).run(), {
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
  };
  private readonly facts: { factKind: FactKind; factId: string }[] = [];
  private changes = 0;

  constructor(
    private readonly tx: Tx,
    private readonly doc: ArticleDocument,
    private readonly actor: string,
  ) {}

  async run(): Promise<ImportResult> {
    const { doc, tx } = this;
    // Read in the transaction that writes, so a concurrent import of the slug cannot slip between.
    const stored = await tx.article.findUnique({ where: { slug: doc.article.slug } });
    const differences = stored ? identityDifferences(stored, doc.article) : [];
    if (stored && differences.length) throw new ArticleConflictError(stored, differences);
    const article = await this.save("article", { slug: doc.article.slug }, {
      ...doc.article,
      agency: doc.article.agency ?? null,
      url: doc.article.url ?? null,
      publishedOn: asDate(doc.article.publishedOn)!,
    });

    for (const country of doc.countries) {
      const row = await this.save("country", { code: country.code }, country);
      this.remember("country", country.code, row.id, "COUNTRY");
    }
    for (const [i, place] of doc.places.entries()) {
      const data = {
        slug: place.slug,
        name: place.name,
        aliases: place.aliases,
        description: place.description ?? null,
        countryId: await this.ref("country", place.country, `places.${i}.country`),
      };
      const row = await this.save("place", { slug: place.slug }, data);
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
      const row = await this.save("organization", { slug: organization.slug }, data);
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
      const row = await this.save("person", { slug: person.slug }, data);
      this.remember("person", person.slug, row.id, "PERSON");
    }
    // Roles after all people and organizations, so that any order in the document works.
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
          startDate: asDate(role.startDate),
          endDate: asDate(role.endDate),
        };
        const row = await this.save("personRole", { slug: role.slug }, data);
        this.facts.push({ factKind: "PERSON_ROLE", factId: row.id });
      }
    }
    for (const [i, ceasefire] of doc.ceasefires.entries()) {
      const data = {
        slug: ceasefire.slug,
        name: ceasefire.name,
        startDate: asDate(ceasefire.startDate),
        endDate: asDate(ceasefire.endDate),
        status: ceasefire.status,
        monitoringMechanism: ceasefire.monitoringMechanism ?? null,
        summary: ceasefire.summary ?? null,
      };
      const row = await this.save("ceasefire", { slug: ceasefire.slug }, data);
      this.remember("ceasefire", ceasefire.slug, row.id, "CEASEFIRE");
      const parties = [];
      for (const [j, party] of ceasefire.parties.entries()) {
        const at = `ceasefires.${i}.parties.${j}`;
        parties.push(
          party.country
            ? { countryId: (await this.ref("country", party.country, `${at}.country`))! }
            : { organizationId: (await this.ref("organization", party.organization, `${at}.organization`))! },
        );
      }
      // A party already recorded is left alone (either unique key); the count says what was added.
      const added = await tx.ceasefireParty.createMany({
        data: parties.map((party) => ({ ceasefireId: row.id, ...party, createdBy: this.actor })),
        skipDuplicates: true,
      });
      this.changes += added.count;
    }
    for (const [i, meeting] of doc.meetings.entries()) {
      await this.importMeeting(meeting, `meetings.${i}`);
    }
    for (const [i, statement] of doc.statements.entries()) {
      const at = `statements.${i}`;
      const data = {
        slug: statement.slug,
        summary: statement.summary,
        quote: statement.quote ?? null,
        channel: statement.channel ?? null,
        date: asDate(statement.date),
        speakerPersonId: await this.ref("person", statement.speakerPerson, `${at}.speakerPerson`),
        speakerOrganizationId: await this.ref("organization", statement.speakerOrganization, `${at}.speakerOrganization`),
        speakerCountryId: await this.ref("country", statement.speakerCountry, `${at}.speakerCountry`),
        ceasefireId: await this.ref("ceasefire", statement.ceasefire, `${at}.ceasefire`),
      };
      const row = await this.save("statement", { slug: statement.slug }, data);
      this.facts.push({ factKind: "STATEMENT", factId: row.id });
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
        const figureRow = await this.save("reportedFigure", { slug: figure.slug }, figureData);
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
        deadline: asDate(plan.deadline),
        nextPhase: plan.nextPhase ?? null,
        responsibleOrganizationId: await this.ref("organization", plan.responsibleOrganization, `${at}.responsibleOrganization`),
        targetOrganizationId: await this.ref("organization", plan.targetOrganization, `${at}.targetOrganization`),
        approvedById: await this.ref("organization", plan.approvedBy, `${at}.approvedBy`),
      };
      const row = await this.save("plan", { slug: plan.slug }, data);
      this.facts.push({ factKind: "PLAN", factId: row.id });
    }

    const links = await tx.factSource.createMany({
      data: this.facts.map((fact) => ({ ...fact, articleId: article.id, createdBy: this.actor })),
      skipDuplicates: true,
    });
    return { articleId: article.id, facts: this.facts.length, changes: this.changes + links.count };
  }

  private async importMeeting(meeting: ArticleDocument["meetings"][number], at: string): Promise<void> {
    const { tx } = this;
    const data = {
      slug: meeting.slug,
      title: meeting.title,
      date: asDate(meeting.date),
      purpose: meeting.purpose ?? null,
      summary: meeting.summary ?? null,
      placeId: await this.ref("place", meeting.place, `${at}.place`),
      hostId: await this.ref("organization", meeting.host, `${at}.host`),
      mediatorId: await this.ref("person", meeting.mediator, `${at}.mediator`),
      mediatorCountryId: await this.ref("country", meeting.mediatorCountry, `${at}.mediatorCountry`),
      ceasefireId: await this.ref("ceasefire", meeting.ceasefire, `${at}.ceasefire`),
    };
    const row = await this.save("meeting", { slug: meeting.slug }, data);
    this.facts.push({ factKind: "MEETING", factId: row.id });
    for (const [j, delegation] of meeting.delegations.entries()) {
      const delegationAt = `${at}.delegations.${j}`;
      const countryId = (await this.ref("country", delegation.country, `${delegationAt}.country`))!;
      const delegationData = {
        leaderId: await this.ref("person", delegation.leader, `${delegationAt}.leader`),
        description: delegation.description ?? null,
      };
      const delegationRow = await this.save(
        "delegation",
        { meetingId_countryId: { meetingId: row.id, countryId } },
        { meetingId: row.id, countryId, ...delegationData },
      );
      this.facts.push({ factKind: "DELEGATION", factId: delegationRow.id });
      for (const [k, member] of delegation.members.entries()) {
        const personId = (await this.ref("person", member.person, `${delegationAt}.members.${k}.person`))!;
        const memberData = { role: member.role, roleNote: member.roleNote ?? null, attendance: member.attendance };
        const memberRow = await this.save(
          "delegationMember",
          { delegationId_personId: { delegationId: delegationRow.id, personId } },
          { delegationId: delegationRow.id, personId, ...memberData },
        );
        this.facts.push({ factKind: "DELEGATION_MEMBER", factId: memberRow.id });
      }
    }
  }

  /**
   * Creates the row `where` names, or updates it where `data` differs from what is stored;
   * an unchanged row is left alone.
   */
  private async save<M extends SavedModel>(model: M, where: object, data: Record<string, unknown>): Promise<Rows[M]> {
    const table = this.tx[model] as unknown as RowWriter<Rows[M]>;
    const existing = await table.findUnique({ where });
    if (!existing) {
      this.changes += 1;
      return table.create({ data: { ...data, createdBy: this.actor, updatedBy: this.actor } });
    }
    const changed = Object.entries(data).some(([field, value]) => !sameValue(existing[field as keyof Rows[M]], value));
    if (changed) this.changes += 1;
    return changed
      ? table.update({ where, data: { ...data, updatedBy: this.actor, updatedAt: nextUpdatedAt(existing.updatedAt) } })
      : existing;
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

type SavedModel = Exclude<ModelName, "ceasefireParty" | "factSource">;

/** The calls `save` makes; Prisma's generated delegates have no common type to name them by. */
interface RowWriter<Row> {
  findUnique(args: { where: object }): Promise<Row | null>;
  create(args: { data: object }): Promise<Row>;
  update(args: { where: object; data: object }): Promise<Row>;
}

function sameValue(stored: unknown, given: unknown): boolean {
  if (stored instanceof Date && given instanceof Date) return stored.getTime() === given.getTime();
  if (Array.isArray(stored) && Array.isArray(given)) return JSON.stringify(stored) === JSON.stringify(given);
  return (stored ?? null) === (given ?? null);
}

/** The one call `ref` makes on the slug-keyed delegates; their generated types do not unify. */
interface SlugLookup {
  findUnique(args: { where: { slug: string }; select: { id: true } }): Promise<{ id: string } | null>;
}
