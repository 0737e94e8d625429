/**
 * Run by `medusa exec` from bench/group-backfill.bench.ts (it gets the app's
 * container): seeds customers, makes one automatic group, times a backfill.
 * Prints one JSON line.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_GROUP_RULE_MODULE } from "../src/modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../src/modules/customer-group-rule/service"
import { backfillCustomerGroupRulesWorkflow } from "../src/workflows/customer-group-rule"

export default async function groupBackfillBench({ container }: ExecArgs) {
  const count = Number(process.env.CAM_BENCH_CUSTOMERS ?? 20_000)
  const customers = container.resolve(Modules.CUSTOMER)
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start)
    await customers.createCustomers(
      Array.from({ length: size }, (_, i) => {
        const n = start + i
        // Every other customer matches the rule.
        return { email: `bench${n}@${n % 2 ? "acme.com" : "example.com"}` }
      })
    )
  }
  const group = await customers.createCustomerGroups({ name: "Acme (bench)" })
  const rules: CustomerGroupRuleModuleService = container.resolve(CUSTOMER_GROUP_RULE_MODULE)
  await rules.createGroupRuleSets({
    customer_group_id: group.id,
    match: "all",
    rules: [{ type: "email_domain", domains: ["acme.com"] }] as unknown as Record<string, unknown>,
  })

  const started = process.hrtime.bigint()
  const { result } = await backfillCustomerGroupRulesWorkflow(container).run({
    input: { customer_group_id: group.id },
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const rssMb = process.memoryUsage().rss / 2 ** 20
  process.stdout.write(
    `CAM_BENCH ${JSON.stringify({ customers: result.evaluated, added: result.added, seconds, customers_per_second: result.evaluated / seconds, rss_mb: rssMb })}\n`
  )
}
