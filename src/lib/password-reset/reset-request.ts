import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { appSignature, sameSignature } from "../signature"

/*
 * Who asked for a reset link. Medusa's `auth.password_reset` event carries
 * the `metadata` of the request as it came, and anyone can send
 * `POST /auth/customer/emailpass/reset-password {"metadata": {...}}`: so
 * what the e-mail and the timeline say about the requester is never read
 * from a caller's metadata. A reset a Back Office user sends carries a proof
 * instead: an HMAC (the app's JWT secret) over the identity's address and
 * the time it was made, which only the plugin's admin workflow writes, and
 * which counts for as long as Medusa's reset token lives.
 */

/** The metadata keys the plugin writes itself; a caller's are dropped. */
export const RESERVED_RESET_METADATA = ["requested_by", "cam_admin_proof", "cam_admin_proof_at"] as const

/** Medusa signs reset tokens for 15 minutes; a proof counts as long (plus a minute of clock skew). */
const PROOF_VALID_MS = 16 * 60 * 1000

const proofOf = (secret: string, entityId: string, at: number) => appSignature(secret, "admin_password_reset", entityId, at)

/** The metadata of a reset a Back Office user sends for `entityId` (signed with the app's JWT secret). */
export function adminResetMetadata(secret: string, entityId: string, now: number = Date.now()): Record<string, unknown> {
  return { requested_by: "admin", cam_admin_proof: proofOf(secret, entityId, now), cam_admin_proof_at: now }
}

/** A caller's reset metadata without the keys only the plugin may write. */
export function callerResetMetadata(metadata: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!metadata) {
    return metadata
  }
  const reserved = new Set<string>(RESERVED_RESET_METADATA)
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => !reserved.has(key)))
}

/**
 * Whether an `auth.password_reset` event is a reset a Back Office user sent
 * (its proof checks out and is recent); anything else is the customer's own.
 */
export function isAdminResetRequest(
  container: MedusaContainer,
  event: { entity_id?: unknown; metadata?: unknown },
  now: number = Date.now()
): boolean {
  const metadata = (event.metadata ?? {}) as Record<string, unknown>
  const { cam_admin_proof: proof, cam_admin_proof_at: at } = metadata
  if (metadata.requested_by !== "admin" || typeof at !== "number" || typeof event.entity_id !== "string") {
    return false
  }
  if (!(Math.abs(now - at) <= PROOF_VALID_MS)) {
    return false
  }
  const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  return sameSignature(proof, proofOf(String(http.jwtSecret), event.entity_id, at))
}
