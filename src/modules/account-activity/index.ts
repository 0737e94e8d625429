import { Module } from "@medusajs/framework/utils"
import accountActivityOptionsLoader from "./loaders/options"
import AccountActivityModuleService from "./service"

export const ACCOUNT_ACTIVITY_MODULE = "accountActivity"

export default Module(ACCOUNT_ACTIVITY_MODULE, {
  service: AccountActivityModuleService,
  loaders: [accountActivityOptionsLoader],
})
