import { MedusaService } from "@medusajs/framework/utils"
import CustomerPreference from "./models/customer-preference"

class CustomerPreferenceModuleService extends MedusaService({
  CustomerPreference,
}) {}

export default CustomerPreferenceModuleService
