import type { FilterableCustomerProps, IAuthModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { requestVerificationWorkflow } from "@medusajs/medusa/core-flows"
import { appSignature, sameSignature } from "../signature"
import { findEmailpassIdentity, normalizeIdentifier } from "../identity/auth-identity"
import { EMAIL_ENTITY_TYPE, TOKEN_CODE_PROVIDER } from "./verification"

/** `metadata.purpose` of the verification that confirms a new address before the login moves to it. */
export const EMAIL_CHANGE_PURPOSE = "email_change"

/**
 * The mark that makes a verification an address change: Medusa's own
 * `/auth/verification/request` stores whatever `metadata` a caller sends,
 * so the mark is an HMAC (the app's JWT secret) over the identity and the
 * address, which only the plugin's route, after the password, can write.
 */
function changeSignature(container: MedusaContainer, authIdentityId: string, address: string): string {
  const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  return appSignature(String(http.jwtSecret), EMAIL_CHANGE_PURPOSE, authIdentityId, address)
}

/** Whether a verification row was written by {@link requestEmailChange} (its mark checks out). */
export function isEmailChangeVerification(
  container: MedusaContainer,
  verification: { auth_identity_id?: string | null; entity_id?: string | null; metadata?: unknown }
): boolean {
  const metadata = (verification.metadata ?? {}) as Record<string, unknown>
  if (metadata.purpose !== EMAIL_CHANGE_PURPOSE || !verification.auth_identity_id || !verification.entity_id) {
    return false
  }
  return sameSignature(metadata.signature, changeSignature(container, verification.auth_identity_id, verification.entity_id))
}

/** Medusa's auth module generates this for its `AuthVerification` model; its service type leaves it out. */
type VerificationStore = IAuthModuleService & { deleteAuthVerifications(ids: string[]): Promise<void> }

/** Whether an address is someone's login or a customer account's e-mail already (either spelling). */
export async function addressTaken(container: MedusaContainer, email: string, exceptCustomerId: string): Promise<boolean> {
  const normalized = normalizeIdentifier(email)
  if ((await findEmailpassIdentity(container, email)) || (await findEmailpassIdentity(container, normalized))) {
    return true
  }
  // Operators pass through to the ORM; the filter types only name equality.
  const filter = {
    email: { $ilike: normalized.replace(/[\\%_]/g, (char) => `\\${char}`) },
    has_account: true,
    id: { $ne: exceptCustomerId },
  } as unknown as FilterableCustomerProps
  const [other] = await container.resolve(Modules.CUSTOMER).listCustomers(filter, { select: ["id"], take: 1 })
  return !!other
}

/**
 * Asks Medusa to verify a new address for a customer's login: a fresh
 * verification of (identity, new address) marked `email_change`, whose link
 * the plugin e-mails to the new address. Nothing moves until it is
 * confirmed. An address that is taken gets nothing, and the caller answers
 * the same (no oracle). Returns whether a link was requested.
 */
export async function requestEmailChange(
  container: MedusaContainer,
  input: { auth_identity_id: string; customer_id: string; to: string }
): Promise<boolean> {
  if (await addressTaken(container, input.to, input.customer_id)) {
    return false
  }
  const auth = container.resolve(Modules.AUTH) as VerificationStore
  // A row left from earlier (say, an address this login had before) would
  // keep its old state and no purpose: start afresh.
  const earlier = await auth.listAuthVerifications({
    auth_identity_id: input.auth_identity_id,
    entity_id: input.to,
    entity_type: EMAIL_ENTITY_TYPE,
  })
  if (earlier.length) {
    await auth.deleteAuthVerifications(earlier.map((row) => row.id!))
  }
  try {
    await requestVerificationWorkflow(container).run({
      input: {
        auth_identity_id: input.auth_identity_id,
        entity_id: input.to,
        entity_type: EMAIL_ENTITY_TYPE,
        code_provider: TOKEN_CODE_PROVIDER,
        metadata: {
          purpose: EMAIL_CHANGE_PURPOSE,
          signature: changeSignature(container, input.auth_identity_id, input.to),
        },
      },
    })
  } catch (error) {
    // The same change asked twice at once (a double click): Medusa keeps one
    // verification per login and address, so the other request's link is
    // the one that goes out.
    const concurrent = await auth.listAuthVerifications({
      auth_identity_id: input.auth_identity_id,
      entity_id: input.to,
      entity_type: EMAIL_ENTITY_TYPE,
    })
    if (!concurrent.length) {
      throw error
    }
  }
  return true
}
