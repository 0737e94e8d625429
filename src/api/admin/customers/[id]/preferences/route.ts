import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { CustomerPreferencesResponse } from "../../../../../types/customer-preference"
import { updateCustomerPreferencesWorkflow } from "../../../../../workflows/customer-preference"
import { fetchCustomerOrThrow, fetchCustomerPreferencesOrThrow } from "../../../../utils/customers"
import type {
  AdminGetCustomerPreferencesParamsType,
  AdminUpdateCustomerPreferencesType,
} from "./validators"

/** Any customer's preferences (defaults when none are stored); 404 for unknown customers. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCustomerPreferencesParamsType>,
  res: MedusaResponse<CustomerPreferencesResponse>
) => {
  const customerId = req.params.id
  const preferences = await fetchCustomerPreferencesOrThrow(req.scope, customerId, req.validatedQuery.fields)
  res.json({ preferences })
}

/** Partial update of any customer's preferences, then the preferences as they now are. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCustomerPreferencesType, AdminGetCustomerPreferencesParamsType>,
  res: MedusaResponse<CustomerPreferencesResponse>
) => {
  const customerId = req.params.id
  await fetchCustomerOrThrow(req.scope, customerId)
  await updateCustomerPreferencesWorkflow(req.scope).run({
    input: { customer_id: customerId, update: req.validatedBody, actor: { type: "user", id: req.auth_context.actor_id } },
  })
  const preferences = await fetchCustomerPreferencesOrThrow(req.scope, customerId, req.validatedQuery.fields)
  res.json({ preferences })
}
