import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { CustomerPreferencesResponse } from "../../../../../types/customer-preference"
import { readCustomerPreferences } from "../../../../../utils/customer-preferences"
import { updateCustomerPreferencesWorkflow } from "../../../../../workflows/customer-preference"
import { assertCustomerExists } from "../../../../utils/customers"
import {
  customerNotFound,
  wantsShippingOption,
  type GetCustomerPreferencesParamsType,
  type UpdateCustomerPreferencesType,
} from "../../../../utils/customer-preferences"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetCustomerPreferencesParamsType>,
  res: MedusaResponse<CustomerPreferencesResponse>
) => {
  const preferences = await readCustomerPreferences(req.scope, req.params.id, {
    withShippingOption: wantsShippingOption(req.validatedQuery.fields as string | undefined),
  })
  if (!preferences) {
    throw customerNotFound(req.params.id)
  }
  res.json({ preferences })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<UpdateCustomerPreferencesType, GetCustomerPreferencesParamsType>,
  res: MedusaResponse<CustomerPreferencesResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  await updateCustomerPreferencesWorkflow(req.scope).run({
    input: { customer_id: req.params.id, update: req.validatedBody },
  })
  const preferences = await readCustomerPreferences(req.scope, req.params.id, {
    withShippingOption: wantsShippingOption(req.validatedQuery.fields as string | undefined),
  })
  res.json({ preferences: preferences! })
}
