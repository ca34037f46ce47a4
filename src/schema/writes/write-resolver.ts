// create<Entity>, update<Entity> and delete<Entity> for an entity declared with defineWrites.
// Every mutation needs the editor role, validates before it writes, runs in one transaction
// (an error leaves the database as it was), and records who wrote.
import { GraphQLError } from "graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { EDITOR_ROLE } from "../../auth/viewer";
import type { ModelName, Rows, Tx } from "../../database/rows";
import { nextUpdatedAt } from "../../database/updated-at";
import { BadUserInputError } from "../../errors";
import type { Context } from "../context";
import { factKinds } from "../fact/fact-kind";
import { isUuid } from "../../validation";
import { recordEditorClaims } from "../../claims/editor-claims";
import { type ChangeEntry, logChanges } from "../../claims/history";
import { claimedValues, recompute, recomputeFacts, sameValue } from "../../claims/recompute";
import { claimedFields, firstOfSets, toClaimValue } from "../../claims/claim-fields";
import type { FactKind } from "../../generated/prisma/client";
import { DeletePayload } from "./delete-payload.type";
import { deleteWithDependents } from "./dependents";
import { claimIfUnchanged, PRECONDITION_ARGUMENT, PRECONDITION_DESCRIPTION } from "./precondition";
import { columnsOf, resolveReferences, type FieldTable, nounPhrase, validateInput, type Writable } from "./write-spec";


interface RowWriter {
  findUnique(args: object): Promise<Record<string, unknown> | null>;
  create(args: object): Promise<Record<string, unknown>>;
  update(args: object): Promise<Record<string, unknown>>;
}

export function notFound(model: string, id: string): GraphQLError {
  return new GraphQLError(`There is no ${model} with id "${id}".`, {
    extensions: { code: "NOT_FOUND", http: { status: 404 } },
  });
}

export function writeResolver<M extends ModelName>(spec: Writable<M>) {
  const writer = (tx: Tx) => tx[spec.model] as unknown as RowWriter;
  const one = nounPhrase(spec.name);
  const the = one.replace(/^an? /, "the ");

  @Resolver()
  class WriteResolver {
    @Authorized(EDITOR_ROLE)
    @Mutation(() => spec.type, { name: `create${spec.name}`, description: `Creates ${one}. Needs the editor role.` })
    async create(
      @Arg("input", () => spec.CreateInput, { description: `Its fields.` }) input: Record<string, unknown>,
      @Ctx() { prisma, viewer }: Context,
    ) {
      const given = validateInput(spec, input, true);
      checkRules(spec, given);
      const actor = viewer!.subject;
      return prisma.$transaction(async (tx) => {
        const values = await resolveReferences(tx, spec, given);
        const firstMembers = spec.kind ? firstOfSets(spec.kind, claimsOf(spec, values)) : {};
        const created = await writer(tx).create({ data: { ...columnsOf(spec, values), ...firstMembers, createdBy: actor, updatedBy: actor } });
        await finishWrite(tx, spec, created as Rows[M], values, actor);
        const row = await settleEdit(tx, spec, created, values, actor);
        await logChanges(tx, { actor, via: `create${spec.name}` }, [
          { entityType: spec.name, entityId: row.id as string, action: "CREATED", before: null, after: snapshot(spec, row) },
        ]);
        return row;
      });
    }

    @Authorized(EDITOR_ROLE)
    @Mutation(() => spec.type, {
      name: `update${spec.name}`,
      description:
        `Changes ${one}: only the fields given. With expectedUpdatedAt, only if it is unchanged since read ` +
        "(else CONFLICT). Needs the editor role.",
    })
    async update(
      @Arg("id", () => ID, { description: `The id of ${the}.` }) id: string,
      @Arg("input", () => spec.PatchInput, { description: "The changes." }) input: Record<string, unknown>,
      @Arg(PRECONDITION_ARGUMENT, () => DateTimeISOResolver, { nullable: true, description: PRECONDITION_DESCRIPTION })
      expectedUpdatedAt: Date | null | undefined,
      @Ctx() { prisma, viewer }: Context,
    ) {
      const given = validateInput(spec, input, false);
      const actor = viewer!.subject;
      return prisma.$transaction(async (tx) => {
        await claimOrNotFound(tx, spec.model, id, expectedUpdatedAt);
        const existing = isUuid(id) ? await writer(tx).findUnique({ where: { id } }) : null;
        if (!existing) throw notFound(spec.model, id);
        checkRules(spec, { ...existing, ...given });
        const values = await resolveReferences(tx, spec, given);
        const updated = await writer(tx).update({
          where: { id },
          data: { ...columnsOf(spec, values), updatedBy: actor, updatedAt: nextUpdatedAt(existing.updatedAt as Date) },
        });
        await finishWrite(tx, spec, updated as Rows[M], values, actor);
        const row = await settleEdit(tx, spec, updated, values, actor);
        const [before, after] = difference(snapshot(spec, existing), snapshot(spec, row));
        const entries: ChangeEntry[] = [{ entityType: spec.name, entityId: id, action: "UPDATED", before, after }];
        // An article's new date can change which article is the most recent for its facts.
        if (spec.model === "article" && "publishedOn" in before) entries.push(...(await recomputeClaimedBy(tx, id, actor)));
        await logChanges(tx, { actor, via: `update${spec.name}` }, entries);
        return row;
      });
    }

    @Authorized(EDITOR_ROLE)
    @Mutation(() => DeletePayload, {
      name: `delete${spec.name}`,
      description:
        `Deletes ${one}. Refused with CONFLICT while others refer to it, unless cascade is true, and, with ` +
        "expectedUpdatedAt, if it changed since read. Needs the editor role.",
    })
    async delete(
      @Arg("id", () => ID, { description: `The id of ${the}.` }) id: string,
      @Arg("cascade", () => Boolean, {
        defaultValue: false,
        description: "Also delete what cannot exist without it, and clear optional references to it.",
      })
      cascade: boolean,
      @Arg(PRECONDITION_ARGUMENT, () => DateTimeISOResolver, { nullable: true, description: PRECONDITION_DESCRIPTION })
      expectedUpdatedAt: Date | null | undefined,
      @Ctx() { prisma, viewer }: Context,
    ): Promise<DeletePayload> {
      const actor = viewer!.subject;
      return prisma.$transaction(async (tx) => {
        await claimOrNotFound(tx, spec.model, id, expectedUpdatedAt);
        const existing = isUuid(id) ? await writer(tx).findUnique({ where: { id } }) : null;
        if (!existing) throw notFound(spec.model, id);
        // An article's claims go with it (foreign key): the facts it spoke of are recomputed.
        const claimed = spec.model === "article" ? await claimedFacts(tx, id) : [];
        const removed = await deleteWithDependents(tx, spec.model, id, cascade);
        const entries: ChangeEntry[] = removed.map((row, i) => ({
          entityType: i === 0 ? spec.name : typeNameOf(row.model),
          entityId: row.id,
          action: "DELETED",
          before: i === 0 ? snapshot(spec, existing) : { deletedWith: { type: spec.name, id } },
          after: null,
        }));
        if (claimed.length > 0) entries.push(...(await recomputeAndLog(tx, claimed, actor)));
        await logChanges(tx, { actor, via: `delete${spec.name}` }, entries);
        return { id, removed: removed.map((row) => ({ table: row.model, id: row.id })) };
      });
    }
  }
  Object.defineProperty(WriteResolver, "name", { value: `${spec.name}WriteResolver` });
  return WriteResolver;
}

/** With a precondition: lock the row if it is unchanged, CONFLICT if it changed, NOT_FOUND if gone. */
async function claimOrNotFound(tx: Tx, model: ModelName, id: string, expected: Date | null | undefined): Promise<void> {
  if (!expected) return;
  if (!isUuid(id) || !(await claimIfUnchanged(tx, model, id, expected))) throw notFound(model, id);
}

function checkRules(spec: FieldTable, row: Record<string, unknown>): void {
  const problem = spec.check?.(row);
  if (problem) throw new BadUserInputError(`\`input.${problem.field}\` ${problem.message}.`, `input.${problem.field}`);
}

async function finishWrite<M extends ModelName>(
  tx: Tx,
  spec: Writable<M>,
  row: Rows[M],
  values: Record<string, unknown>,
  actor: string,
): Promise<void> {
  await spec.afterWrite?.(tx, row, values, actor);
  const articleIds = values.sourceArticleIds as string[] | undefined;
  if (spec.kind && articleIds?.length) {
    await tx.factSource.createMany({
      data: articleIds.map((articleId) => ({ articleId, factKind: spec.kind!, factId: row.id, createdBy: actor })),
      skipDuplicates: true,
    });
  }
}

/**
 * After an editor's write: the given values become the editor's claims (which win over
 * articles) and the row is recomputed from all its claims; returns the row as it now is.
 */
async function settleEdit<M extends ModelName>(
  tx: Tx,
  spec: Writable<M>,
  row: Record<string, unknown>,
  values: Record<string, unknown>,
  actor: string,
): Promise<Record<string, unknown>> {
  if (!spec.kind) return row;
  await recordEditorClaims(tx, spec.kind, row.id as string, claimsOf(spec, values), actor);
  const changed = await recompute(tx, spec.kind, [row.id as string], actor);
  return changed.length > 0 ? ((await rowsOf(tx, spec.model).findUnique({ where: { id: row.id } })) ?? row) : row;
}

/**
 * What a write says as claims: its values, older single inputs read as their sets
 * (WriteSpec.olderSingles), and a date given without its precision to the day.
 */
function claimsOf<M extends ModelName>(spec: Writable<M>, values: Record<string, unknown>): Record<string, unknown> {
  const claims = { ...values };
  for (const [field, { date }] of Object.entries(spec.kind ? claimedFields[spec.kind] : {})) {
    const precision = `${field}Precision`;
    if (date && precision in claimedFields[spec.kind!] && claims[field] != null && claims[precision] === undefined) claims[precision] = "DAY";
  }
  for (const [single, set] of Object.entries(spec.olderSingles ?? {})) {
    if (claims[single] !== undefined && claims[set] === undefined) claims[set] = claims[single] === null ? [] : [claims[single]];
    delete claims[single];
  }
  return claims;
}

const rowsOf = (tx: Tx, model: ModelName) => tx[model] as unknown as RowWriter;

/** The GraphQL type of a table's rows, for the change log ("personRole" -> "PersonRole"). */
const typeNameOf = (model: ModelName): string =>
  Object.values(factKinds).find((kind) => kind.model === model)?.typeName ?? model[0].toUpperCase() + model.slice(1);

/** The row's fields a client wrote (not the audit columns), as JSON for the change log. */
function snapshot(spec: FieldTable, row: Record<string, unknown>): Record<string, unknown> {
  const values = Object.fromEntries(Object.keys(spec.fields).filter((field) => field in row).map((field) => [field, row[field]]));
  return spec.kind ? { ...claimedValues(spec.kind, row), ...json(values) } : json(values);
}

function json(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, value instanceof Date ? toClaimValue(value) : value ?? null]),
  );
}

function difference(before: Record<string, unknown>, after: Record<string, unknown>): [Record<string, unknown>, Record<string, unknown>] {
  const changed = Object.keys(after).filter((field) => !sameValue(before[field], after[field]));
  return [
    Object.fromEntries(changed.map((field) => [field, before[field] ?? null])),
    Object.fromEntries(changed.map((field) => [field, after[field] ?? null])),
  ];
}

async function claimedFacts(tx: Tx, articleId: string): Promise<{ factKind: FactKind; factId: string }[]> {
  return tx.claim.findMany({ where: { articleId }, select: { factKind: true, factId: true }, distinct: ["factKind", "factId"] });
}

async function recomputeClaimedBy(tx: Tx, articleId: string, actor: string): Promise<ChangeEntry[]> {
  return recomputeAndLog(tx, await claimedFacts(tx, articleId), actor);
}

/** Recomputes the facts (in lock order) and names each changed row as a change-log entry. */
async function recomputeAndLog(tx: Tx, facts: { factKind: FactKind; factId: string }[], actor: string): Promise<ChangeEntry[]> {
  return (await recomputeFacts(tx, facts, actor)).map((change) => ({
    entityType: factKinds[change.kind].typeName,
    entityId: change.id,
    action: "UPDATED",
    before: change.before,
    after: change.after,
  }));
}
