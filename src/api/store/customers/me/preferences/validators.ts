import { z } from "zod"
import {
  GetCustomerPreferencesParamsSchema,
  UpdateCustomerPreferencesSchema,
} from "../../../../../lib/preferences"

export const StoreUpdateCustomerPreferences = UpdateCustomerPreferencesSchema
export type StoreUpdateCustomerPreferencesType = z.infer<typeof StoreUpdateCustomerPreferences>

export const StoreGetCustomerPreferencesParams = GetCustomerPreferencesParamsSchema
export type StoreGetCustomerPreferencesParamsType = z.infer<typeof StoreGetCustomerPreferencesParams>
