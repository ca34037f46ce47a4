import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { reader } from "../loaders/rows";
import { Meeting } from "../meeting/meeting.type";
import { ReportedFigure } from "../reported-figure/reported-figure.type";
import { Statement } from "../statement/statement.type";
import { Ceasefire, CeasefireParty } from "./ceasefire.type";

const CeasefireConnection = ConnectionType("Ceasefire", Ceasefire, "ceasefire");

@Resolver(() => Ceasefire)
export class CeasefireResolver {
  @Query(() => Ceasefire, { nullable: true, description: "One ceasefire by id." })
  ceasefire(@Arg("id", () => ID, { description: "The ceasefire's id." }) id: string, @Ctx() { loaders }: Context) {
    return loaders.byId("ceasefire").load(id);
  }

  @Query(() => CeasefireConnection, { description: "All ceasefires, newest first." })
  ceasefires(@Args() page: PaginationArgs, @Ctx() { prisma }: Context) {
    return paginate(reader(prisma, "ceasefire"), page, {}, {
      field: "startDate",
      direction: "desc",
      nullable: true,
      isDate: true,
    });
  }

  @FieldResolver(() => [CeasefireParty], { description: "The parties it binds, by name." })
  async parties(@Root() ceasefire: Ceasefire, @Ctx() { loaders }: Context) {
    const parties = await loaders.manyBy("ceasefireParty", "ceasefireId").load(ceasefire.id);
    const rows = await Promise.all(
      parties.map((party) =>
        party.countryId
          ? loaders.byId("country").load(party.countryId)
          : loaders.byId("organization").load(party.organizationId!),
      ),
    );
    return rows.filter((row) => row !== null).sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => [ReportedFigure], { description: "Figures reported about it (strikes, casualties...)." })
  figures(@Root() ceasefire: Ceasefire, @Ctx() { loaders }: Context) {
    return loaders.manyBy("reportedFigure", "ceasefireId", [{ slug: "asc" }]).load(ceasefire.id);
  }

  @FieldResolver(() => [Statement], { description: "Statements about it, by date." })
  statements(@Root() ceasefire: Ceasefire, @Ctx() { loaders }: Context) {
    return loaders.manyBy("statement", "ceasefireId", [{ date: "asc" }, { slug: "asc" }]).load(ceasefire.id);
  }

  @FieldResolver(() => [Meeting], { description: "Meetings held within its framework, by date." })
  meetings(@Root() ceasefire: Ceasefire, @Ctx() { loaders }: Context) {
    return loaders.manyBy("meeting", "ceasefireId", [{ date: "asc" }, { slug: "asc" }]).load(ceasefire.id);
  }
}
