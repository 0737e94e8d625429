import { Module } from "@medusajs/framework/utils"
import customerGroupRuleOptionsLoader from "./loaders/options"
import CustomerGroupRuleModuleService from "./service"

export const CUSTOMER_GROUP_RULE_MODULE = "customerGroupRule"

export default Module(CUSTOMER_GROUP_RULE_MODULE, {
  service: CustomerGroupRuleModuleService,
  loaders: [customerGroupRuleOptionsLoader],
})
