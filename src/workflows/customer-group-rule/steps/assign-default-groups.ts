import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { configuredDefaultGroupIds } from "../../../lib/customer-groups/default-groups"
import { customerModuleOf, MembershipMakers, type RuleLink } from "../../../lib/customer-groups/evaluate"

export const assignDefaultGroupsStepId = "cam-assign-default-groups"

/**
 * Puts a new customer account into the default groups (the stored setting,
 * else the `customerGroups.defaultGroupIds` option), in rows marked as the
 * default groups' (rules never remove them). Groups deleted since are
 * skipped. Compensation deletes exactly the rows it made.
 */
export const assignDefaultGroupsStep = createStep(
  assignDefaultGroupsStepId,
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const configured = await configuredDefaultGroupIds(container)
    if (!configured.length) {
      return new StepResponse([] as RuleLink[], [] as string[])
    }
    const customerModule = customerModuleOf(container)
    const [groups, existing] = await Promise.all([
      container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: configured }, { select: ["id"] }),
      customerModule.listCustomerGroupCustomers(
        { customer_id, customer_group_id: configured },
        { select: ["customer_group_id"] }
      ),
    ])
    const already = new Set(existing.map((m) => m.customer_group_id))
    const rows = groups
      .filter((group) => !already.has(group.id))
      .map((group) => ({
        id: generateEntityId(undefined, "cusgc"),
        customer_id,
        customer_group_id: group.id,
        created_by: MembershipMakers.DEFAULT_GROUPS,
      }))
    if (rows.length) {
      await customerModule.addCustomerToGroup(rows)
    }
    return new StepResponse(rows as RuleLink[], rows.map((row) => row.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await customerModuleOf(container).deleteCustomerGroupCustomers(ids)
  }
)
