import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import CustomerAccountsModuleService from "./service"

export const CUSTOMER_ACCOUNTS_MODULE = "customerAccounts"

export default Module(CUSTOMER_ACCOUNTS_MODULE, {
  service: CustomerAccountsModuleService,
  loaders: [validateOptionsLoader],
})
