import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { AgreementKind } from "../../generated/prisma/client";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import { PaginationArgs } from "../common/pagination.args";
import { DateScalar } from "../common/scalars";

@InputType({ description: "Conditions an agreement must meet; all given ones apply." })
export class AgreementFilter {
  @Field(() => DateScalar, { nullable: true, description: "Signed on or after this date (unsigned agreements never match)." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Signed on or before this date (unsigned agreements never match)." })
  to?: Date | null;

  @Field(() => AgreementKind, { nullable: true, description: "Of this kind." })
  kind?: AgreementKind | null;

  @Field(() => ID, { nullable: true, description: "Signed by this country, organization or person (an id, ISO code or slug)." })
  signatory?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum AgreementOrderField {
  SIGNED_ON = "SIGNED_ON",
  TITLE = "TITLE",
}
registerEnumType(AgreementOrderField, { name: "AgreementOrderField", description: "Fields agreements can be ordered by." });

export const agreementOrderings: ColumnOrderings<AgreementOrderField> = {
  SIGNED_ON: { field: "signedOn", nullable: true, isDate: true },
  TITLE: { field: "title", nullable: false },
};

export const AgreementOrder = OrderInputType("Agreement", AgreementOrderField, AgreementOrderField.SIGNED_ON);

@ArgsType()
export class AgreementsArgs extends PaginationArgs {
  @Field(() => AgreementFilter, { nullable: true, description: "Only agreements that match." })
  filter?: AgreementFilter | null;

  @Field(() => AgreementOrder, { nullable: true, description: "Order; by default by signing date, unsigned last." })
  orderBy?: OrderInput<AgreementOrderField> | null;
}
