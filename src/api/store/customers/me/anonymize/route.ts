import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { projectClock } from "../../../../../lib/clock"
import { CustomerAccountEvents } from "../../../../../modules/account-security/events"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../../../modules/customer-accounts/service"
import type { StoreAnonymizeResponse } from "../../../../../types/customer-privacy"
import { anonymizeCustomerWorkflow } from "../../../../../workflows/customer-privacy"
import { confirmCurrentPassword } from "../../../../auth/current-password"
import { accountSecurity } from "../../../../utils/password-policy"
import type { StoreAnonymizeType } from "./validators"

/**
 * The customer asks to erase their account (GDPR art. 17), with their
 * current password (checked like a login: a wrong one counts toward the
 * lockout). With `anonymize.selfService` the account is anonymized at once
 * (200); otherwise (the default) a request is recorded that an admin
 * confirms in the admin (202; asking again answers the same request).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreAnonymizeType>,
  res: MedusaResponse<StoreAnonymizeResponse>
) => {
  const customerId = req.auth_context.actor_id
  if (!(await confirmCurrentPassword(req, res, req.validatedBody.password, "This account signs in without a password: ask the shop to erase it."))) {
    return
  }

  const { anonymize } = accountSecurity(req.scope).getOptions()
  if (anonymize.selfService) {
    const { result } = await anonymizeCustomerWorkflow(req.scope).run({
      input: { customer_id: customerId, actor_id: null, orders: anonymize.orders },
    })
    res.json({ anonymization: { status: "anonymized", anonymized_at: new Date(result).toISOString() } })
    return
  }
  const accounts: CustomerAccountsModuleService = req.scope.resolve(CUSTOMER_ACCOUNTS_MODULE)
  const [existing] = await accounts.listPrivacyRequests({ customer_id: customerId })
  if (existing?.requested_at) {
    res.status(202).json({ anonymization: { status: "requested", requested_at: new Date(existing.requested_at).toISOString() } })
    return
  }
  const now = projectClock.now()
  await accounts.createPrivacyRequests({ customer_id: customerId, status: "requested", requested_at: now })
  await req.scope
    .resolve(Modules.EVENT_BUS)
    .emit({ name: CustomerAccountEvents.ANONYMIZATION_REQUESTED, data: { event_id: randomUUID(), customer_id: customerId } })
  res.status(202).json({ anonymization: { status: "requested", requested_at: now.toISOString() } })
}
