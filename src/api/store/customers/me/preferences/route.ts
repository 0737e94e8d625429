import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { CustomerPreferencesResponse } from "../../../../../types/customer-preference"
import { updateCustomerPreferencesWorkflow } from "../../../../../workflows/customer-preference"
import { fetchCustomerOrThrow, fetchCustomerPreferencesOrThrow } from "../../../../utils/customers"
import type {
  StoreGetCustomerPreferencesParamsType,
  StoreUpdateCustomerPreferencesType,
} from "./validators"

/**
 * The logged-in customer's own preferences (defaults when none are stored).
 * A token whose customer was deleted since gets a 404.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetCustomerPreferencesParamsType>,
  res: MedusaResponse<CustomerPreferencesResponse>
) => {
  const customerId = req.auth_context.actor_id
  const preferences = await fetchCustomerPreferencesOrThrow(req.scope, customerId, req.validatedQuery.fields)
  res.json({ preferences })
}

/** Partial update of the logged-in customer's preferences, then the preferences as they now are. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreUpdateCustomerPreferencesType, StoreGetCustomerPreferencesParamsType>,
  res: MedusaResponse<CustomerPreferencesResponse>
) => {
  const customerId = req.auth_context.actor_id
  await fetchCustomerOrThrow(req.scope, customerId)
  await updateCustomerPreferencesWorkflow(req.scope).run({
    input: { customer_id: customerId, update: req.validatedBody, actor: { type: "customer", id: customerId } },
  })
  const preferences = await fetchCustomerPreferencesOrThrow(req.scope, customerId, req.validatedQuery.fields)
  res.json({ preferences })
}
