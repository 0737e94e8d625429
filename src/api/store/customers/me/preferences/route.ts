import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { CustomerPreferencesResponse } from "../../../../../types/customer-preference"
import { readCustomerPreferences } from "../../../../../utils/customer-preferences"
import { updateCustomerPreferencesWorkflow } from "../../../../../workflows/customer-preference"
import {
  customerNotFound,
  wantsShippingOption,
  type GetCustomerPreferencesParamsType,
  type UpdateCustomerPreferencesType,
} from "../../../../utils/customer-preferences"

/** The logged-in customer's preferences (defaults when none are stored). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetCustomerPreferencesParamsType>,
  res: MedusaResponse<CustomerPreferencesResponse>
) => {
  const customerId = req.auth_context.actor_id
  const preferences = await readCustomerPreferences(req.scope, customerId, {
    withShippingOption: wantsShippingOption(req.validatedQuery.fields as string | undefined),
  })
  if (!preferences) {
    throw customerNotFound(customerId)
  }
  res.json({ preferences })
}

/** Partially updates the logged-in customer's preferences. */
export const POST = async (
  req: AuthenticatedMedusaRequest<UpdateCustomerPreferencesType, GetCustomerPreferencesParamsType>,
  res: MedusaResponse<CustomerPreferencesResponse>
) => {
  const customerId = req.auth_context.actor_id
  await updateCustomerPreferencesWorkflow(req.scope).run({
    input: { customer_id: customerId, update: req.validatedBody },
  })
  const preferences = await readCustomerPreferences(req.scope, customerId, {
    withShippingOption: wantsShippingOption(req.validatedQuery.fields as string | undefined),
  })
  res.json({ preferences: preferences! })
}
