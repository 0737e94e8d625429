import type { MedusaRequest } from "@medusajs/framework/http"
import type { AuthenticationResponse, IAuthModuleService, MedusaContainer } from "@medusajs/framework/types"
import { EMAILPASS_PROVIDER, POLICY_CHECKED } from "../../lib/identity/auth-identity"
import type { PasswordValidationResult } from "../../lib/password-policy"
import { vetNewPassword } from "../../lib/password-policy/password-vetting"
import { PasswordPolicyError, recordNewPasswordWorkflow } from "../../workflows/customer-password"
import { normalizedUpdate } from "./emailpass-body"
import { assertIdentifier } from "./errors"

/*
 * The password policy where a password is stored: the policy (and history)
 * first, then, once stored, reset links are voided, the history records it
 * and a reset completion lifts the lock (`recordNewPasswordWorkflow`).
 */

/**
 * The policy's verdict on a password about to be stored for `email`,
 * decided once per request (lib/password-policy/password-vetting).
 */
export function vetPasswordFor(scope: MedusaContainer, email: string, password: string): Promise<PasswordValidationResult> {
  assertIdentifier("email", email)
  return vetNewPassword(scope, email, password)
}

/** The identity a valid reset token of the request names (set by the reset-completion middleware). */
const resetCompletions = new WeakMap<MedusaRequest, string>()

/** Marks the request as completing a reset of `entityId`'s password: the history records a reset. */
export function markResetCompletion(req: MedusaRequest, entityId: string): void {
  resetCompletions.set(req, entityId)
}

type PasswordUpdate = Record<string | symbol, unknown> & { entity_id?: unknown; password?: unknown }

/**
 * `updateProvider` of the guarded auth module: an emailpass password passes
 * the policy before it is stored, and is recorded after. Calls from the
 * plugin's password workflows carry {@link POLICY_CHECKED} (their own steps
 * do the same work).
 */
export async function updateProviderWithPolicy(
  req: MedusaRequest,
  auth: IAuthModuleService,
  provider: string,
  data: PasswordUpdate
): Promise<AuthenticationResponse> {
  if (data?.[POLICY_CHECKED]) {
    const { [POLICY_CHECKED]: _checked, ...update } = data
    return auth.updateProvider(provider, normalizedUpdate(update))
  }
  const { entity_id: entityId, password } = data ?? {}
  if (provider !== EMAILPASS_PROVIDER || typeof password !== "string" || typeof entityId !== "string") {
    // Sets no password (the provider answers success without one).
    return auth.updateProvider(provider, data)
  }
  const verdict = await vetPasswordFor(req.scope, entityId, password)
  if (!verdict.valid) {
    throw new PasswordPolicyError(verdict)
  }
  const result = await auth.updateProvider(provider, normalizedUpdate(data))
  if (result.success) {
    await recordNewPasswordWorkflow(req.scope).run({
      input: {
        entity_id: entityId,
        reason: resetCompletions.get(req) === entityId ? "password_reset" : "update",
      },
    })
  }
  return result
}
