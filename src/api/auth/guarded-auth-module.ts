import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { asValue } from "@medusajs/framework/awilix"
import type { IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { providePasswordVerdicts } from "../../lib/password-policy/password-vetting"
import { confirmEmailVerification } from "./email-confirmation"
import { authenticateWithLockout, loginLockout, type GuardedResponse } from "./lockout-flow"
import { verifyMfaChallengeWithLockout } from "./mfa-guard"
import { updateProviderWithPolicy } from "./new-password"
import { registerWithPolicy } from "./registration"
import { keepRefusalType } from "./verification-gate"

export type { GuardedAuthenticationInput } from "./emailpass-body"

/**
 * Medusa's auth module as one request sees it: the calls that check or
 * store a password, or complete a login or an address change, pass through
 * the unit that owns each concern, whatever route (or custom code) makes
 * them. Every other member is the module's own.
 *
 * - `authenticate`: the lockout flow (lockout-flow.ts), with the
 *   verification gate (verification-gate.ts) and the login events;
 * - `register`: as `decideRegistration` decides (registration.ts);
 * - `updateProvider`: the password policy and history (new-password.ts);
 * - `confirmAuthVerification`: an address change completes (email-confirmation.ts);
 * - `verifyAuthMfaChallenge`: the lockout and TOTP replay (mfa-guard.ts).
 */
export function guardedAuthModule(auth: IAuthModuleService, req: MedusaRequest, res: GuardedResponse): IAuthModuleService {
  const lockout = loginLockout(req, res)
  const guarded: Partial<IAuthModuleService> = {
    authenticate: (provider, data) => authenticateWithLockout(lockout, auth, provider, data),
    register: (provider, data) => registerWithPolicy(lockout, auth, provider, data),
    updateProvider: (provider, data) => updateProviderWithPolicy(req, auth, provider, data),
    confirmAuthVerification: (data, context) => confirmEmailVerification(req, auth, data, context),
    verifyAuthMfaChallenge: (data, context) => verifyMfaChallengeWithLockout(lockout, auth, data, context),
  }
  return new Proxy(auth, {
    get(target, property) {
      if (Object.prototype.hasOwnProperty.call(guarded, property)) {
        return guarded[property as keyof typeof guarded]
      }
      const value = Reflect.get(target, property, target)
      return typeof value === "function" ? value.bind(target) : value
    },
  })
}

/**
 * Runs first on every request (a global middleware): the request's scope
 * resolves Medusa's auth module as {@link guardedAuthModule}, so every route
 * handler, workflow step or custom route of this request that checks or sets
 * an emailpass password passes the guards, and gets a password-verdict cache
 * (lib/password-policy/password-vetting).
 */
export function installPasswordGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const auth = req.scope.resolve(Modules.AUTH)
  req.scope.register(Modules.AUTH, asValue(guardedAuthModule(auth, req, res)))
  keepRefusalType(req, res)
  providePasswordVerdicts(req.scope)
  next()
}
