import { createHash } from "node:crypto"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { StoreChangeEmailResponse } from "../../../../../types/account-security"
import { requestCustomerEmailChangeWorkflow } from "../../../../../workflows/customer-email"
import { normalizeIdentifier } from "../../../../../lib/identity/auth-identity"
import { deferredWork } from "../../../../../lib/deferred-work"
import { errorReason } from "../../../../../lib/error-reason"
import { canonicalEmail } from "../../../../../lib/identity"
import { SecurityCounterScopes } from "../../../../../modules/account-security/types"
import type { EmailChangeOptions } from "../../../../../lib/options"
import type AccountSecurityModuleService from "../../../../../modules/account-security/service"
import { accountSecurity } from "../../../../utils/account-security"
import { sendTooManyRequests } from "../../../../utils/too-many-requests"
import { confirmCurrentPassword } from "../../../../auth/current-password"
import type { StoreChangeEmailType } from "./validators"

/**
 * Counts a new address toward the account's cap (`emailChange.maxAddresses`
 * distinct addresses per window): each one gets a shop-branded e-mail, so
 * an account could otherwise mail any number of strangers. Asking again for
 * an address already counted is free. Counted whether the address is free
 * or taken, so the cap tells nothing about other accounts. Returns
 * whether the request is within the cap, and else when it is free again.
 */
async function countNewAddress(
  security: AccountSecurityModuleService,
  { maxAddresses, windowSeconds }: EmailChangeOptions,
  customerId: string,
  email: string
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const address = createHash("sha256").update(canonicalEmail(email)).digest("hex")
  const key = `${customerId}:${address}`
  if (!(await security.quotas.claim(SecurityCounterScopes.EMAIL_CHANGE_ADDRESS, key, windowSeconds))) {
    return { allowed: true, retryAfterSeconds: 0 }
  }
  const { allowed, retryAfterSeconds } = await security.quotas.consume(
    SecurityCounterScopes.EMAIL_CHANGE_ADDRESSES,
    customerId,
    maxAddresses,
    windowSeconds
  )
  if (!allowed) {
    // Not counted after all: asking for it later (in a new window) counts then.
    await security.quotas.release(SecurityCounterScopes.EMAIL_CHANGE_ADDRESS, key)
  }
  return { allowed, retryAfterSeconds }
}

const describeWindow = (seconds: number) =>
  seconds % 86_400 === 0 ? (seconds === 86_400 ? "day" : `${seconds / 86_400} days`) : seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds} s`

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
  const security = accountSecurity(req.scope)
  const cap = security.getOptions().emailChange
  const counted = await countNewAddress(security, cap, customerId, email)
  if (!counted.allowed) {
    sendTooManyRequests(
      res,
      counted.retryAfterSeconds,
      `email: this account may ask to move to at most ${cap.maxAddresses} different addresses per ${describeWindow(cap.windowSeconds)}. Try again later.`
    )
    return
  }
  res.status(202).json({ email_change: { email, status: "pending" } })
  // After the answer and off the path of the next requests: only a free
  // address gets an e-mail, so neither timing tells whether it is taken.
  deferredWork.schedule(
    () =>
      requestCustomerEmailChangeWorkflow(req.scope).run({
        input: { auth_identity_id: req.auth_context.auth_identity_id, customer_id: customerId, to: email },
      }),
    (error) =>
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`medusa-customer-accounts: could not request an e-mail change: ${errorReason(error)}`)
  )
}
