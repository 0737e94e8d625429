import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deferredWork } from "../../lib/deferred-work"
import { errorReason } from "../../lib/error-reason"
import { findEmailpassIdentity, type EmailpassIdentity } from "../../lib/identity/auth-identity"
import { passwordDigest } from "../../lib/password-policy"
import { sharedRangeCache } from "../../lib/password-policy/range-cache"
import { flagBreachedPasswordWorkflow } from "../../workflows/customer-password"
import { accountSecurity } from "../utils/account-security"

/**
 * `passwordPolicy.breachedPasswords.checkOnLogin`: after a customer's right
 * password, screens it against known breaches and, on a hit, marks the
 * account "password change required" (flagBreachedPasswordWorkflow). The
 * digest is taken at once, so the password itself is not kept; the
 * screening runs after the answer (it never slows, blocks or fails a login).
 */
export function screenLoginPassword(scope: MedusaContainer, identity: EmailpassIdentity, password: string): void {
  const security = accountSecurity(scope)
  const customerId = identity.app_metadata?.customer_id
  if (!security.getOptions().passwordPolicy.breachedPasswords.checkOnLogin || typeof customerId !== "string") {
    return
  }
  const digest = passwordDigest(password)
  deferredWork.schedule(
    async () => {
      if (!(await security.passwords.isBreached(digest, sharedRangeCache(scope)))) {
        return
      }
      // A password changed meanwhile is no longer the one that was screened.
      const current = await findEmailpassIdentity(scope, identity.entity_id)
      if (current?.auth_identity_id === identity.auth_identity_id && current.password_hash === identity.password_hash) {
        await flagBreachedPasswordWorkflow(scope).run({
          input: { auth_identity_id: identity.auth_identity_id, customer_id: customerId },
        })
      }
    },
    (error) =>
      scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`medusa-customer-accounts: could not screen a login's password: ${errorReason(error)}`)
  )
}
