import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreAnonymizeResponse } from "../../../../../types/customer-privacy"
import { anonymizeCustomerWorkflow, requestCustomerErasureWorkflow } from "../../../../../workflows/customer-privacy"
import { confirmCurrentPassword } from "../../../../auth/current-password"
import { customerAccounts } from "../../../../utils/staff-permissions"
import type { StoreAnonymizeType } from "./validators"

/**
 * The customer asks to erase their account (GDPR art. 17), with their
 * current password (checked like a login: a wrong one counts toward the
 * lockout). With `anonymize.selfService` the account is anonymized at once
 * (200); otherwise (the default) a request is recorded that an admin
 * confirms in the admin (202; asking again, or at the same time, answers
 * the same request).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreAnonymizeType>,
  res: MedusaResponse<StoreAnonymizeResponse>
) => {
  const customerId = req.auth_context.actor_id
  if (!(await confirmCurrentPassword(req, res, req.validatedBody.password, "This account signs in without a password: ask the shop to erase it."))) {
    return
  }

  const { anonymize } = customerAccounts(req.scope).getPrivacyOptions()
  if (anonymize.selfService) {
    const { result } = await anonymizeCustomerWorkflow(req.scope).run({
      input: { customer_id: customerId, actor_id: null, orders: anonymize.orders },
    })
    res.json({ anonymization: { status: "anonymized", anonymized_at: new Date(result).toISOString() } })
    return
  }
  const { result: record } = await requestCustomerErasureWorkflow(req.scope).run({ input: { customer_id: customerId } })
  if (record.status === "erasing" || record.status === "completed") {
    // An admin started the erasure already (a completed one left no login to get here with).
    res.status(202).json({ anonymization: { status: "erasing", erasure_started_at: iso(record.erasure_started_at ?? record.completed_at) } })
    return
  }
  res.status(202).json({ anonymization: { status: "requested", requested_at: iso(record.requested_at) } })
}

const iso = (value: Date | string | null) => new Date(value ?? 0).toISOString()
