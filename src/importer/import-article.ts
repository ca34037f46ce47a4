// Loads an article document (see article-document.ts) into the database in one transaction:
// every entity is upserted by its natural key and linked to the article as its source.
// Any error rolls the whole document back, so a failed import leaves nothing behind.
import type { FactKind, PrismaClient } from "../generated/prisma/client";
import { type ArticleDocument, InvalidDocumentError } from "./article-document";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface ImportResult {
  articleId: string;
  /** Number of facts the article is recorded as the source of. */
  facts: number;
}

const asDate = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

export async function importArticle(prisma: PrismaClient, document: ArticleDocument): Promise<ImportResult> {
  return prisma.$transaction((tx) => new ArticleImport(tx, document).run(), { timeout: 60_000, maxWait: 10_000 });
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

  constructor(
    private readonly tx: Tx,
    private readonly doc: ArticleDocument,
  ) {}

  async run(): Promise<ImportResult> {
    const { doc, tx } = this;
    const article = await tx.article.upsert({
      where: { slug: doc.article.slug },
      create: { ...doc.article, publishedOn: asDate(doc.article.publishedOn)! },
      update: { ...doc.article, publishedOn: asDate(doc.article.publishedOn)! },
    });

    for (const country of doc.countries) {
      const row = await tx.country.upsert({ where: { code: country.code }, create: country, update: country });
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
      const row = await tx.place.upsert({ where: { slug: place.slug }, create: data, update: data });
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
      const row = await tx.organization.upsert({ where: { slug: organization.slug }, create: data, update: data });
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
      const row = await tx.person.upsert({ where: { slug: person.slug }, create: data, update: data });
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
        const row = await tx.personRole.upsert({ where: { slug: role.slug }, create: data, update: data });
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
      const row = await tx.ceasefire.upsert({ where: { slug: ceasefire.slug }, create: data, update: data });
      this.remember("ceasefire", ceasefire.slug, row.id, "CEASEFIRE");
      for (const [j, party] of ceasefire.parties.entries()) {
        const at = `ceasefires.${i}.parties.${j}`;
        if (party.country) {
          const countryId = (await this.ref("country", party.country, `${at}.country`))!;
          await tx.ceasefireParty.upsert({
            where: { ceasefireId_countryId: { ceasefireId: row.id, countryId } },
            create: { ceasefireId: row.id, countryId },
            update: {},
          });
        } else {
          const organizationId = (await this.ref("organization", party.organization, `${at}.organization`))!;
          await tx.ceasefireParty.upsert({
            where: { ceasefireId_organizationId: { ceasefireId: row.id, organizationId } },
            create: { ceasefireId: row.id, organizationId },
            update: {},
          });
        }
      }
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
      const row = await tx.statement.upsert({ where: { slug: statement.slug }, create: data, update: data });
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
        const figureRow = await tx.reportedFigure.upsert({
          where: { slug: figure.slug },
          create: figureData,
          update: figureData,
        });
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
      const row = await tx.plan.upsert({ where: { slug: plan.slug }, create: data, update: data });
      this.facts.push({ factKind: "PLAN", factId: row.id });
    }

    await tx.factSource.createMany({
      data: this.facts.map((fact) => ({ ...fact, articleId: article.id })),
      skipDuplicates: true,
    });
    return { articleId: article.id, facts: this.facts.length };
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
    const row = await tx.meeting.upsert({ where: { slug: meeting.slug }, create: data, update: data });
    this.facts.push({ factKind: "MEETING", factId: row.id });
    for (const [j, delegation] of meeting.delegations.entries()) {
      const delegationAt = `${at}.delegations.${j}`;
      const countryId = (await this.ref("country", delegation.country, `${delegationAt}.country`))!;
      const delegationData = {
        leaderId: await this.ref("person", delegation.leader, `${delegationAt}.leader`),
        description: delegation.description ?? null,
      };
      const delegationRow = await tx.delegation.upsert({
        where: { meetingId_countryId: { meetingId: row.id, countryId } },
        create: { meetingId: row.id, countryId, ...delegationData },
        update: delegationData,
      });
      this.facts.push({ factKind: "DELEGATION", factId: delegationRow.id });
      for (const [k, member] of delegation.members.entries()) {
        const personId = (await this.ref("person", member.person, `${delegationAt}.members.${k}.person`))!;
        const memberData = { role: member.role, roleNote: member.roleNote ?? null, attendance: member.attendance };
        const memberRow = await tx.delegationMember.upsert({
          where: { delegationId_personId: { delegationId: delegationRow.id, personId } },
          create: { delegationId: delegationRow.id, personId, ...memberData },
          update: memberData,
        });
        this.facts.push({ factKind: "DELEGATION_MEMBER", factId: memberRow.id });
      }
    }
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
    if (!row) throw new InvalidDocumentError(`no ${kind} with key "${key}" in the document or the database`, at);
    this.ids[kind].set(key, row.id);
    return row.id;
  }
}

/** The one call `ref` makes on the slug-keyed delegates; their generated types do not unify. */
interface SlugLookup {
  findUnique(args: { where: { slug: string }; select: { id: true } }): Promise<{ id: string } | null>;
}
