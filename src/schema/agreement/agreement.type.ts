import { Field, ObjectType, registerEnumType } from "type-graphql";
import { AgreementKind } from "../../generated/prisma/client";
import { ConnectionType } from "../common/connection";
import { DateScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import { Fact } from "../fact/fact.interface";

registerEnumType(AgreementKind, {
  name: "AgreementKind",
  description: "What sort of agreement it is.",
  valuesConfig: {
    TREATY: { description: "A treaty between states." },
    ACCORD: { description: "An accord or deal, such as a border or maritime deal." },
    DECLARATION: { description: "A joint declaration." },
    MEMORANDUM: { description: "A memorandum of understanding." },
    CEASEFIRE_AGREEMENT: { description: "An agreement that sets a ceasefire." },
    OTHER: { description: "Any other written agreement." },
  },
});

@ObjectType({ implements: Fact, description: "A treaty, accord, declaration or memorandum, signed or announced on a date.", simpleResolvers: true })
export class Agreement extends Fact {
  @Field({ description: "Stable human-readable key, unique among agreements." })
  slug!: string;

  @Field({ description: "Its name, e.g. `Lebanon–Israel maritime border agreement`." })
  title!: string;

  @Field(() => [String], { description: "Other names it goes by." })
  aliases!: string[];

  @Field(() => AgreementKind, { description: "What sort of agreement it is." })
  kind!: AgreementKind;

  @Field(() => String, { nullable: true, description: "What it provides for, in a few sentences." })
  summary!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was signed." })
  signedOn!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `signedOn` is: a year or a month is given as its first day." })
  signedOnPrecision!: DatePrecision;

  @Field(() => DateScalar, { nullable: true, description: "When it was announced, if not when it was signed." })
  announcedOn!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `announcedOn` is: a year or a month is given as its first day." })
  announcedOnPrecision!: DatePrecision;

  placeId!: string | null;
  meetingId!: string | null;
}

export const AgreementConnection = ConnectionType("Agreement", Agreement, "agreement");
