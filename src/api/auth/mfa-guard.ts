import { createHash } from "node:crypto"
import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { AuthTypes, Context, IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { findEmailpassIdentityOf, type EmailpassIdentity } from "../../lib/identity/auth-identity"
import { SecurityCounterScopes } from "../../modules/account-security/types"
import { accountSecurity } from "../utils/account-security"
import type { LoginLockout } from "./lockout-flow"

/*
 * The MFA guard: the second factor of a login passes the same lockout as
 * the password of the identity's emailpass login, and a TOTP code that
 * completed a challenge cannot complete another.
 */

/**
 * Medusa's answers to a wrong second factor (`verifyAuthMfaChallenge`): a
 * wrong code, or a code sent to a challenge its wrong codes used up. Its
 * other refusals (expired, completed, unknown challenge or method) check no
 * code and count nothing.
 */
const WRONG_SECOND_FACTOR = new Set(["Invalid MFA challenge code", "MFA challenge has too many failed attempts"])

const TOTP_METHOD = "totp"

/**
 * How long a TOTP code that completed a challenge stays spent: Medusa
 * accepts a code one 30 s step either side of now, so it is valid for up to
 * 90 s; two minutes cover that with room for clock skew.
 */
const TOTP_REUSE_WINDOW_SECONDS = 120

/** The spent-code key: the code never stored as such, and bound to its identity. */
const totpClaimKey = (authIdentityId: string, code: string) =>
  createHash("sha256").update(`${authIdentityId}\u0000${code.trim()}`).digest("hex")

/**
 * `verifyAuthMfaChallenge` of the guarded auth module: an MFA challenge's
 * code passes the lockout of the identity's emailpass login (identities
 * without one are Medusa's alone).
 */
export async function verifyMfaChallengeWithLockout(
  lockout: LoginLockout,
  auth: IAuthModuleService,
  data: AuthTypes.VerifyAuthMfaChallengeDTO,
  sharedContext?: Context
): Promise<AuthTypes.AuthMfaChallengeDTO> {
  const authContext = (lockout.req as Partial<AuthenticatedMedusaRequest>).auth_context
  const identityId = data.auth_identity_id ?? authContext?.auth_identity_id
  const login = identityId ? await findEmailpassIdentityOf(lockout.req.scope, identityId) : null
  if (!login) {
    return auth.verifyAuthMfaChallenge(data, sharedContext)
  }
  return verifySecondFactor(
    lockout,
    authContext?.actor_type || "customer",
    login,
    { method: String(data.method ?? ""), code: String(data.code ?? "") },
    () => auth.verifyAuthMfaChallenge(data, sharedContext)
  )
}

/**
 * The lockout around an MFA challenge's code, as around a password: the
 * identity's login must be admitted (a locked account gets 429, no code
 * is checked), a wrong code counts as a failed login and may lock it, a
 * right one is the login's success. Medusa's own per-challenge limit
 * still applies; this one spans challenges, so a known password cannot
 * open a fresh challenge for each batch of guesses.
 */
async function verifySecondFactor<T>(
  lockout: LoginLockout,
  actorType: string,
  identity: EmailpassIdentity,
  code: { method: string; code: string },
  check: () => Promise<T>
): Promise<T> {
  const attempt = await lockout.admitted(actorType, identity.entity_id)
  const claim = code.method === TOTP_METHOD ? totpClaimKey(identity.auth_identity_id, code.code) : null
  const quotas = accountSecurity(lockout.req.scope).quotas
  if (claim && !(await quotas.claim(SecurityCounterScopes.MFA_CODE_USED, claim, TOTP_REUSE_WINDOW_SECONDS))) {
    // A code that completed a challenge is spent (RFC 6238 5.2): a replay is a wrong code.
    lockout.settleLater(attempt, "failure", identity, "mfa")
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Invalid MFA challenge code")
  }
  try {
    const result = await check()
    lockout.settleLater(attempt, "success", identity, "mfa")
    return result
  } catch (error) {
    if (claim) {
      await quotas.release(SecurityCounterScopes.MFA_CODE_USED, claim).catch(() => undefined)
    }
    const wrongCode = error instanceof MedusaError && WRONG_SECOND_FACTOR.has(error.message)
    lockout.settleLater(attempt, wrongCode ? "failure" : "aborted", identity, "mfa")
    throw error
  }
}
