// create<Entity>, update<Entity> and delete<Entity> for an entity declared with defineWrites.
// Every mutation needs the editor role, validates before it writes, runs in one transaction
// (an error leaves the database as it was), and records who wrote.
import { GraphQLError } from "graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { EDITOR_ROLE } from "../../auth/viewer";
import type { ModelName, Rows } from "../../database/rows";
import { nextUpdatedAt } from "../../database/updated-at";
import { BadUserInputError } from "../../errors";
import type { Context } from "../context";
import { isUuid } from "../loaders/loaders";
import { DeletePayload } from "./delete-payload.type";
import { deleteWithDependents } from "./dependents";
import { claimIfUnchanged, PRECONDITION_ARGUMENT, PRECONDITION_DESCRIPTION } from "./precondition";
import { checkReferences, columnsOf, type FieldTable, nounPhrase, validateInput, type Writable } from "./write-spec";

type Tx = Parameters<Parameters<Context["prisma"]["$transaction"]>[0]>[0];

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
      const values = validateInput(spec, input, true);
      checkRules(spec, values);
      const actor = viewer!.subject;
      return prisma.$transaction(async (tx) => {
        await checkReferences(tx, spec, values);
        const row = await writer(tx).create({ data: { ...columnsOf(spec, values), createdBy: actor, updatedBy: actor } });
        await finishWrite(tx, spec, row as Rows[M], values, actor);
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
      const values = validateInput(spec, input, false);
      const actor = viewer!.subject;
      return prisma.$transaction(async (tx) => {
        await claimOrNotFound(tx, spec.model, id, expectedUpdatedAt);
        const existing = isUuid(id) ? await writer(tx).findUnique({ where: { id } }) : null;
        if (!existing) throw notFound(spec.model, id);
        checkRules(spec, { ...existing, ...values });
        await checkReferences(tx, spec, values);
        const row = await writer(tx).update({
          where: { id },
          data: { ...columnsOf(spec, values), updatedBy: actor, updatedAt: nextUpdatedAt(existing.updatedAt as Date) },
        });
        await finishWrite(tx, spec, row as Rows[M], values, actor);
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
      @Ctx() { prisma }: Context,
    ): Promise<DeletePayload> {
      return prisma.$transaction(async (tx) => {
        await claimOrNotFound(tx, spec.model, id, expectedUpdatedAt);
        const existing = isUuid(id) ? await writer(tx).findUnique({ where: { id } }) : null;
        if (!existing) throw notFound(spec.model, id);
        const removed = await deleteWithDependents(tx, spec.model, id, cascade);
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
