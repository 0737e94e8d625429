import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** The statements on Medusa's order tables (`order`, `order_summary`). Named bindings only. */
export const ORDER_SQL = {
  /** Placed orders per customer and currency, with the sum of their current totals. */
  orderFacts: `select o.customer_id, lower(o.currency_code) as currency, count(*) as orders,
          sum(coalesce(
            (s.totals->'raw_current_order_total'->>'value')::numeric,
            (s.totals->>'current_order_total')::numeric,
            0)) as total
     from "order" o
     left join order_summary s
       on s.order_id = o.id and s.version = o.version and s.deleted_at is null
     where o.customer_id = any(:ids) and o.deleted_at is null
       and o.is_draft_order = false and o.status <> 'canceled'
     group by o.customer_id, lower(o.currency_code)`,
} as const

export type OrderFacts = {
  orders_count: number
  /** Sum of order totals per lower-case currency code, in the currency's main unit. */
  spent: Record<string, number>
}

/**
 * What the order rules (`orders_count`, `total_spent`) look at, aggregated
 * in PostgreSQL over Medusa's order tables: one row per customer and
 * currency, never the orders themselves, so a batch costs the same whether
 * its customers placed one order or a thousand.
 *
 * Counted: placed orders (not drafts, not canceled, not deleted). The total
 * is the order's current total (after edits, claims and exchanges) from the
 * summary of its current version, as Medusa stores it (`order_summary.totals`,
 * a number, or `{ value }` in its raw form). Medusa's query cannot aggregate,
 * and loading every order with computed totals (the earlier approach) grew
 * with the order count. Customers without orders are left out.
 */
export async function orderFactsOf(pg: Knex, customerIds: string[]): Promise<Map<string, OrderFacts>> {
  const facts = new Map<string, OrderFacts>()
  if (!customerIds.length) {
    return facts
  }
  const { rows } = await pg.raw<{
    rows: { customer_id: string; currency: string; orders: string; total: string | null }[]
  }>(ORDER_SQL.orderFacts, { ids: customerIds })
  for (const row of rows) {
    const fact = facts.get(row.customer_id) ?? { orders_count: 0, spent: {} }
    fact.orders_count += Number(row.orders)
    fact.spent[row.currency] = (fact.spent[row.currency] ?? 0) + Number(row.total ?? 0)
    facts.set(row.customer_id, fact)
  }
  return facts
}
