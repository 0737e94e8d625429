import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMAIL_NOT_VERIFIED, loginAwaitsVerification } from "../../lib/email/verification"
import type { EmailpassIdentity } from "../../lib/identity/auth-identity"
import type { AccountKind } from "../../modules/account-security/service"
import { accountSecurity } from "../utils/account-security"
import { EMAIL_NOT_VERIFIED_MESSAGE, EmailNotVerifiedError } from "./errors"

/*
 * The verification gate (`emailVerification.required`): a customer's right
 * password is refused (403 `email_not_verified`) while the address is
 * unverified. The lockout flow asks it after the provider's verdict, and
 * settles such an attempt as no failure.
 */

/** Requests whose 403 is the gate's refusal. */
const refused = new WeakSet<MedusaRequest>()

/**
 * Whether a right password through a route of `kind` must still be refused:
 * the customer's address is unverified while verification is required (never
 * for Back Office routes).
 */
export async function awaitsVerification(
  req: MedusaRequest,
  kind: AccountKind,
  identity: EmailpassIdentity
): Promise<boolean> {
  if (kind !== "customer") {
    return false
  }
  return loginAwaitsVerification(req.scope, identity, accountSecurity(req.scope).getOptions().emailVerification)
}

/** The refusal of an unverified address, to throw where the provider is called. */
export function refuseUnverified(req: MedusaRequest): EmailNotVerifiedError {
  refused.add(req)
  return new EmailNotVerifiedError()
}

/**
 * Medusa's error handler gives every 403 the type "forbidden": the gate's
 * refusal keeps its own (`email_not_verified`). Custom code may install the
 * guard on a response without `json`.
 */
export function keepRefusalType(req: MedusaRequest, res: MedusaResponse): void {
  if (typeof res.json !== "function") {
    return
  }
  const json = res.json.bind(res)
  res.json = (body: unknown) =>
    json(refused.has(req) && res.statusCode === 403 ? { type: EMAIL_NOT_VERIFIED, message: EMAIL_NOT_VERIFIED_MESSAGE } : body)
}
