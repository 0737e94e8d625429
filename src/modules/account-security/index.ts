import { Module } from "@medusajs/framework/utils"
import accountSecurityOptionsLoader from "./loaders/options"
import AccountSecurityModuleService from "./service"

export const ACCOUNT_SECURITY_MODULE = "accountSecurity"

export default Module(ACCOUNT_SECURITY_MODULE, {
  service: AccountSecurityModuleService,
  loaders: [accountSecurityOptionsLoader],
})
