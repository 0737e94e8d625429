import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import type AccountSecurityModuleService from "../modules/account-security/service"
import type { LookalikeIdentity } from "../modules/account-security/repositories/identity-claim"

/**
 * Lists emailpass identities that share a canonical e-mail (lib/identity),
 * e.g. `victim@example.com` and `VICTIM@EXAMPLE.COM` registered before the
 * plugin was installed. It changes nothing: which of a pair is the person and
 * what to do with the other (merge, delete, tell the customer) is the
 * merchant's decision. The oldest identity of each pair holds the address's
 * claim, so no further look-alike can register; security state (lockout,
 * attempt log, exports, erasure) is kept per identity either way.
 *
 *   npx medusa exec ./node_modules/medusa-customer-accounts/.medusa/server/src/scripts/report-lookalike-identities.js
 */
export default async function reportLookalikeIdentities({ container }: ExecArgs): Promise<LookalikeIdentity[]> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const security = container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE)
  const rows = await security.identities.lookalikes()
  const groups = new Map<string, LookalikeIdentity[]>()
  for (const row of rows) {
    groups.set(row.canonical, [...(groups.get(row.canonical) ?? []), row])
  }
  if (groups.size === 0) {
    logger.info("Look-alike identities: none (every emailpass identity has an address of its own).")
    return rows
  }
  logger.warn(`Look-alike identities: ${groups.size} address(es) have more than one emailpass identity (nothing was changed).`)
  for (const [canonical, identities] of groups) {
    logger.warn(`  ${canonical}:`)
    identities.forEach((identity, index) => {
      const actors = identity.actor_types.length ? identity.actor_types.join(", ") : "no actor"
      const holder = index === 0 ? " (holds the address)" : ""
      logger.warn(
        `    ${identity.auth_identity_id}  ${JSON.stringify(identity.entity_id)}  ${actors}  created ${identity.created_at.toISOString()}${holder}`
      )
    })
  }
  return rows
}
