import { z } from "zod"
import {
  GetCustomerPreferencesParamsSchema,
  UpdateCustomerPreferencesSchema,
} from "../../../../../lib/preferences"

export const AdminUpdateCustomerPreferences = UpdateCustomerPreferencesSchema
export type AdminUpdateCustomerPreferencesType = z.infer<typeof AdminUpdateCustomerPreferences>

export const AdminGetCustomerPreferencesParams = GetCustomerPreferencesParamsSchema
export type AdminGetCustomerPreferencesParamsType = z.infer<typeof AdminGetCustomerPreferencesParams>
