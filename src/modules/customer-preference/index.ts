import { Module } from "@medusajs/framework/utils"
import CustomerPreferenceModuleService from "./service"

export const CUSTOMER_PREFERENCE_MODULE = "customerPreference"

export default Module(CUSTOMER_PREFERENCE_MODULE, {
  service: CustomerPreferenceModuleService,
})
