import type { MiddlewareRoute } from "@medusajs/framework/http"
import {
  customerPreferencesRouteMiddlewares,
  UpdateCustomerPreferencesSchema,
  validatePreferencesBeforeCustomerUpdate,
} from "../../../../utils/customer-preferences"

/**
 * Any customer's preferences, and `additional_data.preferences` on Medusa's
 * own customer create/update routes (handled by workflow hooks).
 */
export const adminCustomerPreferenceMiddlewares: MiddlewareRoute[] = [
  ...customerPreferencesRouteMiddlewares("/admin/customers/:id/preferences"),
  {
    method: ["POST"],
    matcher: "/admin/customers",
    additionalDataValidator: { preferences: UpdateCustomerPreferencesSchema.optional() },
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id",
    middlewares: [validatePreferencesBeforeCustomerUpdate],
    additionalDataValidator: { preferences: UpdateCustomerPreferencesSchema.optional() },
  },
]
