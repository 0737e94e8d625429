/**
 * Run by `medusa exec` from bench/group-backfill.bench.ts (it gets the app's
 * container): seeds customers (and orders), makes automatic groups, times one
 * backfill per rule. Prints one JSON line.
 *
 * Orders: one real order is made through Medusa's order module, then copied
 * in SQL (new ids, customers, amounts) to reach CAM_BENCH_ORDERS: making
 * 100,000 orders through the module would take the bench most of an hour,
 * and the copies have exactly the rows and columns the module writes.
 */
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { GroupRule } from "../src/lib/group-rules"
import { CUSTOMER_GROUP_RULE_MODULE } from "../src/modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../src/modules/customer-group-rule/service"
import { backfillCustomerGroupRulesWorkflow } from "../src/workflows/customer-group-rule"

export type BackfillRun = {
  rule: string
  customers: number
  added: number
  seconds: number
  customers_per_second: number
  /** Process RSS before the run, and its peak while the run went on (sampled every 50 ms). */
  rss_before_mb: number
  rss_peak_mb: number
  /** JS heap in use after a full GC before the run, and its peak during the run. */
  heap_before_mb: number
  heap_peak_mb: number
  /** JS heap after a full GC once the run ended: what the run kept. */
  heap_after_gc_mb: number
}

/** A full collection when the process allows it (`--expose-gc`), so "before" is a floor. */
const collect = () => (globalThis as { gc?: () => void }).gc?.()

async function seedOrders(container: MedusaContainer, customerIds: string[], count: number): Promise<void> {
  if (!count) {
    return
  }
  const [template] = await container.resolve(Modules.ORDER).createOrders([
    {
      currency_code: "eur",
      customer_id: customerIds[0],
      email: "template@example.com",
      items: [{ title: "Thing", quantity: 1, unit_price: 40 }],
    },
  ])
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  // Copy the template order and its summary: customer i gets orders round-robin,
  // amounts between 5 and 95 EUR.
  await pg.raw(
    `create temporary table cam_bench_customers as
       select row_number() over (order by id) - 1 as n, id from customer where id = any(?)`,
    [customerIds]
  )
  await pg.raw(
    `insert into "order" select (jsonb_populate_record(null::"order",
        to_jsonb(o) || jsonb_build_object(
          'id', 'order_bench_' || g,
          'display_id', 1000000 + g,
          'customer_id', c.id))).*
     from "order" o, generate_series(1, ?) g
     join cam_bench_customers c on c.n = g % ?
     where o.id = ?`,
    [count - 1, customerIds.length, template.id]
  )
  await pg.raw(
    `insert into order_summary select (jsonb_populate_record(null::order_summary,
        to_jsonb(s) || jsonb_build_object(
          'id', 'ordsum_bench_' || g,
          'order_id', 'order_bench_' || g,
          'totals', s.totals
            || jsonb_build_object('current_order_total', 5 + (g * 37) % 91)
            || jsonb_build_object('raw_current_order_total', jsonb_build_object('value', (5 + (g * 37) % 91)::text, 'precision', 20))))).*
     from order_summary s, generate_series(1, ?) g
     where s.order_id = ?`,
    [count - 1, template.id]
  )
}

async function timedBackfill(container: MedusaContainer, groupId: string, rule: string): Promise<BackfillRun> {
  collect()
  const { rss: before, heapUsed: heapBefore } = process.memoryUsage()
  let peak = before
  let heapPeak = heapBefore
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage()
    peak = Math.max(peak, rss)
    heapPeak = Math.max(heapPeak, heapUsed)
  }
  const sampler = setInterval(sample, 50)
  const started = process.hrtime.bigint()
  const { result } = await backfillCustomerGroupRulesWorkflow(container).run({
    input: { customer_group_id: groupId },
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  clearInterval(sampler)
  sample()
  collect()
  const heapAfter = process.memoryUsage().heapUsed
  return {
    rule,
    customers: result.evaluated,
    added: result.added,
    seconds,
    customers_per_second: result.evaluated / seconds,
    rss_before_mb: before / 2 ** 20,
    rss_peak_mb: peak / 2 ** 20,
    heap_before_mb: heapBefore / 2 ** 20,
    heap_peak_mb: heapPeak / 2 ** 20,
    heap_after_gc_mb: heapAfter / 2 ** 20,
  }
}

export default async function groupBackfillBench({ container }: ExecArgs) {
  const count = Number(process.env.CAM_BENCH_CUSTOMERS ?? 20_000)
  const orderCount = Number(process.env.CAM_BENCH_ORDERS ?? 100_000)
  const customers = container.resolve(Modules.CUSTOMER)
  const ids: string[] = []
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start)
    const created = await customers.createCustomers(
      Array.from({ length: size }, (_, i) => {
        const n = start + i
        // Every other customer matches the e-mail rule.
        return { email: `bench${n}@${n % 2 ? "acme.com" : "example.com"}` }
      })
    )
    ids.push(...created.map((customer) => customer.id))
  }
  await seedOrders(container, ids, orderCount)

  const rules: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
  const ruleCases: [string, GroupRule][] = [
    // The bench's customers have no logins, so no address is verified: the
    // rule is measured on its domain match (verified_only would match none).
    ["email_domain", { type: "email_domain", domains: ["acme.com"], verified_only: false }],
    ["orders_count >= 5", { type: "orders_count", gte: 5 }],
    ["total_spent >= 250 EUR", { type: "total_spent", gte: 250, currency_code: "eur" }],
  ]
  const runs: BackfillRun[] = []
  for (const [name, rule] of ruleCases) {
    const group = await customers.createCustomerGroups({ name: `${name} (bench)` })
    await rules.createGroupRuleSets({
      customer_group_id: group.id,
      match: "all",
      rules: [rule] as unknown as Record<string, unknown>,
    })
    runs.push(await timedBackfill(container, group.id, name))
  }
  process.stdout.write(`CAM_BENCH ${JSON.stringify({ customers: count, orders: orderCount, runs })}\n`)
}
