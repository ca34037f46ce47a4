// Who mediated a meeting, a ceasefire or an agreement: any number of countries, organizations and
// people (rows of `mediation`, kept from the sources' claims like a ceasefire's parties).
import { createUnionType } from "type-graphql";
import { taggedTypeName } from "../../read/read-model";
import { ConnectionType } from "../common/connection";
import { Country } from "../country/country.type";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";

/** The read stage tags each mediator with its type (read-model.ts `typeKey`). */
export const mediatorTypeName = taggedTypeName;

export const Mediator = createUnionType({
  name: "Mediator",
  description: "Who mediated a meeting, ceasefire or agreement: a country, an organization or a person.",
  types: () => [Country, Organization, Person] as const,
  resolveType: mediatorTypeName,
});

export const MediatorConnection = ConnectionType("Mediator", Mediator, "mediator");
