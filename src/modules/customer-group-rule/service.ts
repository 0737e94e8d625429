import { ContainerRegistrationKeys, MedusaService } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { CustomerGroupsOptions } from "../../lib/options"
import { CUSTOMER_GROUP_RULE_OPTIONS } from "./loaders/options"
import GroupRuleSet from "./models/group-rule-set"
import { orderFactsOf, type OrderFacts } from "../../lib/medusa-tables"

/**
 * The rules that make customer groups automatic, and the facts they are
 * evaluated on. The memberships themselves are Medusa's (see
 * lib/customer-groups/evaluate.ts).
 */
class CustomerGroupRuleModuleService extends MedusaService({ GroupRuleSet }) {
  protected readonly options_: CustomerGroupsOptions
  protected readonly pg_: Knex

  constructor(container: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = container[CUSTOMER_GROUP_RULE_OPTIONS] as CustomerGroupsOptions
    this.pg_ = container[ContainerRegistrationKeys.PG_CONNECTION] as Knex
  }

  /** The `customerGroups` options (default groups until edited, backfill batch size). */
  getOptions(): CustomerGroupsOptions {
    return this.options_
  }

  /**
   * Order counts and totals per currency of these customers, computed by
   * the database over Medusa's order tables (lib/medusa-tables); customers without orders
   * are left out.
   */
  async orderFactsOf(customerIds: string[]): Promise<Map<string, OrderFacts>> {
    return orderFactsOf(this.pg_, customerIds)
  }
}

export default CustomerGroupRuleModuleService
