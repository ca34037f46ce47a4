// Who chairs or belongs to a body (an organization such as a ceasefire's monitoring mechanism):
// countries, organizations and people (rows of `body_member`, kept from the sources' claims like a
// ceasefire's parties).
import { createUnionType } from "type-graphql";
import { taggedTypeName } from "../../read/read-model";
import { ConnectionType } from "../common/connection";
import { Country } from "../country/country.type";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";

/** The read stage tags each chair or member with its type (read-model.ts `typeKey`). */
export const bodyMemberTypeName = taggedTypeName;

export const BodyMember = createUnionType({
  name: "BodyMember",
  description: "A chair or member of a body: a country, an organization or a person.",
  types: () => [Country, Organization, Person] as const,
  resolveType: bodyMemberTypeName,
});

export const BodyMemberConnection = ConnectionType("BodyMember", BodyMember, "body member");
