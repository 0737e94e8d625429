import { asValue } from "@medusajs/framework/awilix"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { PasswordValidationResult } from "./index"
import { ACCOUNT_SECURITY_MODULE } from "../../modules/account-security/index"
import type AccountSecurityModuleService from "../../modules/account-security/service"
import { findEmailpassIdentity } from "../identity/auth-identity"
import { passwordContextFor } from "./password-context"
import { sharedRangeCache } from "./range-cache"

/** Container key of a request's password verdicts (see {@link providePasswordVerdicts}). */
const PASSWORD_VERDICTS = "camPasswordVerdicts"

type PasswordVerdicts = Map<string, Promise<PasswordValidationResult>>

/**
 * Gives a request scope its own verdict cache, so that the middleware that
 * answers early, the guarded provider call and a workflow's policy step
 * judge one password once: the history check costs a scrypt per entry.
 */
export function providePasswordVerdicts(scope: MedusaContainer): void {
  scope.register(PASSWORD_VERDICTS, asValue(new Map() as PasswordVerdicts))
}

/**
 * The password policy, then (only when its rules pass) the history, for a
 * password about to be stored for the emailpass identity of `email`.
 * Compares against the e-mail, the account's names and the store's name.
 */
export function vetNewPassword(
  container: MedusaContainer,
  email: string,
  password: string
): Promise<PasswordValidationResult> {
  const verdicts = container.resolve<PasswordVerdicts | undefined>(PASSWORD_VERDICTS, {
    allowUnregistered: true,
  })
  const key = `${email}\u0000${password}`
  const known = verdicts?.get(key)
  if (known) {
    return known
  }
  const verdict = (async () => {
    const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
    const [identity, context] = await Promise.all([
      findEmailpassIdentity(container, email),
      passwordContextFor(container, email),
    ])
    return security.passwords.checkNew(password, context, identity?.auth_identity_id ?? null, sharedRangeCache(container))
  })()
  verdicts?.set(key, verdict)
  // A failed lookup must not stay cached for the next caller.
  verdict.catch(() => verdicts?.delete(key))
  return verdict
}
