import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deferredWork } from "../../../lib/deferred-work"
import { errorReason } from "../../../lib/error-reason"
import { SecurityCounterScopes } from "../../../modules/account-security/types"
import { requestEmailVerification } from "../../../lib/email/verification"
import { normalizeIdentifier } from "../../../lib/identity/auth-identity"
import { accountSecurity } from "../../utils/account-security"
import type { StoreResendEmailVerificationType } from "./validators"

/**
 * Sends the verification e-mail again. The same `201` for every address,
 * known or not, verified or not, answered before any lookup, so neither the
 * answer nor its timing tells whether an account exists. At most
 * `emailVerification.maxRequests` per address and window go on, in the
 * background, to Medusa's own verification request (a fresh link; the
 * previous one stops working); the rest send nothing.
 */
export const POST = async (req: MedusaRequest<StoreResendEmailVerificationType>, res: MedusaResponse) => {
  const { email } = req.validatedBody
  const security = accountSecurity(req.scope)
  const { maxRequests, windowSeconds } = security.getOptions().emailVerification
  const { allowed } = await security.quotas.consume(
    SecurityCounterScopes.EMAIL_VERIFICATION,
    normalizeIdentifier(email),
    maxRequests,
    windowSeconds
  )
  res.sendStatus(201)
  if (!allowed) {
    return
  }
  // Off the path of the next requests: only a known address has work here.
  deferredWork.schedule(
    () => requestEmailVerification(req.scope, email),
    (error) =>
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`medusa-customer-accounts: could not request an e-mail verification: ${errorReason(error)}`)
  )
}
