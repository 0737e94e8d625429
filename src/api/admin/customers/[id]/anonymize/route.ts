import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminAnonymizeCustomerResponse } from "../../../../../types/customer-privacy"
import { privacyStateOf } from "../../../../../lib/privacy/privacy-state"
import { anonymizeCustomerWorkflow } from "../../../../../workflows/customer-privacy"
import { normalizeIdentifier } from "../../../../../lib/identity/auth-identity"
import { customerAccounts } from "../../../../utils/staff-permissions"
import type { AdminAnonymizeCustomerType } from "./validators"

/**
 * Anonymizes the customer (irreversible; see anonymizeCustomerWorkflow).
 * The admin confirms by typing the customer's current e-mail.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminAnonymizeCustomerType>,
  res: MedusaResponse<AdminAnonymizeCustomerResponse>
) => {
  const state = await privacyStateOf(req.scope, req.params.id)
  if (state.status === "anonymized") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This customer was anonymized already")
  }
  if (!state.email || normalizeIdentifier(req.validatedBody.confirm) !== normalizeIdentifier(state.email)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "confirm: must be the customer's e-mail address")
  }
  const { result } = await anonymizeCustomerWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      actor_id: req.auth_context.actor_id,
      orders: customerAccounts(req.scope).getPrivacyOptions().anonymize.orders,
    },
  })
  res.json({ customer_id: req.params.id, anonymized_at: new Date(result).toISOString() })
}
