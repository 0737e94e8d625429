import type { MiddlewareRoute } from "@medusajs/framework/http"
import { customerPreferencesRouteMiddlewares } from "../../../../utils/customer-preferences"

/** The logged-in customer's preferences (core `authenticate` covers /store/customers/me*). */
export const storeCustomerPreferenceMiddlewares: MiddlewareRoute[] =
  customerPreferencesRouteMiddlewares("/store/customers/me/preferences")
