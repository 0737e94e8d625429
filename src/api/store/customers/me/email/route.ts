import { randomUUID } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CustomerAccountEvents } from "../../../../../modules/account-security/events"
import type { StoreChangeEmailResponse } from "../../../../../types/account-security"
import { requestEmailChange } from "../../../../../workflows/customer-email"
import { normalizeIdentifier } from "../../../../../workflows/customer-password/auth-identity"
import { errorReason } from "../../../../../lib/error-reason"
import { confirmCurrentPassword } from "../../../../auth/current-password"
import type { StoreChangeEmailType } from "./validators"

/**
 * Starts moving the logged-in customer's login to another address. The
 * current password is checked like a login (a wrong one counts toward the
 * lockout). Then a link goes to the new address; the login and the
 * customer's e-mail move only once it is confirmed, and the old address is
 * told. The answer is the same 202 whether or not the new address is free
 * (a taken one gets no e-mail), so the route tells no one who has an account.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreChangeEmailType>,
  res: MedusaResponse<StoreChangeEmailResponse>
) => {
  const { email, password } = req.validatedBody
  const current = await confirmCurrentPassword(
    req,
    res,
    password,
    "This account signs in without a password, so its sign-in address cannot be changed here."
  )
  if (!current) {
    return
  }
  if (normalizeIdentifier(email) === normalizeIdentifier(current)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "email: is already the address you sign in with")
  }

  const customerId = req.auth_context.actor_id
  res.status(202).json({ email_change: { email, status: "pending" } })
  // After the answer: its timing tells nothing about the address either.
  setImmediate(async () => {
    try {
      await requestEmailChange(req.scope, { auth_identity_id: req.auth_context.auth_identity_id, customer_id: customerId, to: email })
      await req.scope.resolve(Modules.EVENT_BUS).emit({
        name: CustomerAccountEvents.EMAIL_CHANGE_REQUESTED,
        data: { event_id: randomUUID(), customer_id: customerId, to: email },
      })
    } catch (error) {
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`medusa-customer-accounts: could not request an e-mail change: ${errorReason(error)}`)
    }
  })
}
