// Unions of the entities that act in the news (countries, organizations, people) in one role:
// who signed an agreement, who mediated, who chairs or belongs to a body, who made a statement, who hosted a meeting. Each is a set of rows of
// a link table, kept from the sources' claims (src/claims/claim-fields.ts LinkSet); the read stage
// tags every row with its type (read-model.ts `typeKey`), which is how each union tells them apart.
import { createUnionType } from "type-graphql";
import { taggedTypeName } from "../../read/read-model";
import { ConnectionType } from "../common/connection";
import { Country } from "../country/country.type";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";

function actorUnion(name: string, description: string, noun: string) {
  const union = createUnionType({ name, description, types: () => [Country, Organization, Person] as const, resolveType: taggedTypeName });
  return { union, connection: ConnectionType(name, union, noun) };
}

export const { union: Signatory, connection: SignatoryConnection } = actorUnion(
  "Signatory",
  "Who signed an agreement: a country, an organization or a person.",
  "signatory",
);

export const { union: Mediator, connection: MediatorConnection } = actorUnion(
  "Mediator",
  "Who mediated a meeting, ceasefire or agreement: a country, an organization or a person.",
  "mediator",
);

export const { union: BodyMember, connection: BodyMemberConnection } = actorUnion(
  "BodyMember",
  "A chair or member of a body: a country, an organization or a person.",
  "body member",
);

export const { union: Speaker, connection: SpeakerConnection } = actorUnion(
  "Speaker",
  "Who made a statement: a country, an organization or a person.",
  "speaker",
);

export const { union: Host, connection: HostConnection } = actorUnion(
  "Host",
  "Who hosted a meeting: a country, an organization or a person (a head of state receiving an envoy).",
  "host",
);

/** The unions' names, for a schema built outside type-graphql (the federation subgraph) to resolve their types. */
export const ACTOR_UNIONS = ["Signatory", "Mediator", "BodyMember", "Speaker", "Host"] as const;
