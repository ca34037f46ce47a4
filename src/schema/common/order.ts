// Explicit, stable ordering for root lists: a field from a per-list enum and a direction;
// the id always breaks ties, so pages never overlap or skip.
import { type ClassType, Field, InputType, registerEnumType } from "type-graphql";
import type { Ordering } from "./paginate";

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Ascending or descending. Empty values (e.g. undated meetings) always come last.",
});

export type ColumnOrderings<Field extends string> = Record<Field, Omit<Ordering, "direction">>;

export interface OrderInput<Field extends string> {
  field: Field;
  direction: OrderDirection;
}

/** Builds the `<Name>Order` input type for an enum of orderable fields. */
export function OrderInputType<Field extends string>(
  name: string,
  fieldEnum: object,
  defaultField: Field,
  defaultDirection = OrderDirection.ASC,
): ClassType<OrderInput<Field>> {
  @InputType(`${name}Order`, { description: `How to order ${name} lists; the id breaks ties.` })
  class Order {
    @Field(() => fieldEnum, { description: "The field to order by." })
    field: Field = defaultField;

    @Field(() => OrderDirection, { description: "The direction." })
    direction: OrderDirection = defaultDirection;
  }
  return Order;
}

/** The ordering a list query uses: the client's, or the list's default. */
export function toOrdering<Field extends string>(
  columns: ColumnOrderings<Field>,
  order: OrderInput<Field> | null | undefined,
  defaultField: Field,
  defaultDirection = OrderDirection.ASC,
): Ordering {
  const { field, direction } = order ?? { field: defaultField, direction: defaultDirection };
  return { ...columns[field], direction: direction === OrderDirection.ASC ? "asc" : "desc" };
}
