import {
  authenticate,
  type AuthenticatedMedusaRequest,
  type MedusaNextFunction,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { canonicalEmail } from "../../../lib/identity"
import { findEmailpassIdentityOf } from "../../../lib/identity/auth-identity"

/** The refusal of another address: it names no account, whether one has that address or not. */
export const NOT_YOUR_ADDRESS = "email: must be the address you registered with"

type CustomerBody = { email?: unknown } & Record<string, unknown>

/**
 * `POST /store/customers` with a registration token: the customer carries
 * its identity's own address (issue 21). A body naming another address (a
 * look-alike's spelling is the identity's own, so only a different address)
 * is a 400 that names no other account; the customer is stored with the
 * identity's address exactly as its login spells it, whatever spelling the
 * body used, and gets it when the body has none. Identities without an
 * emailpass login (other providers) are Medusa's alone.
 */
export async function requireOwnAddress(
  req: AuthenticatedMedusaRequest<CustomerBody>,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const identityId = req.auth_context?.auth_identity_id
  const login = identityId ? await findEmailpassIdentityOf(req.scope, identityId) : null
  if (!login) {
    return next()
  }
  const email = req.body?.email
  if (email !== undefined && email !== null) {
    if (typeof email !== "string" || canonicalEmail(email) !== canonicalEmail(login.entity_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, NOT_YOUR_ADDRESS)
    }
  }
  const own = login.entity_id.trim()
  req.body = { ...(req.body ?? {}), email: own }
  const validated = (req as { validatedBody?: CustomerBody }).validatedBody
  if (validated) {
    validated.email = own
  }
  next()
}

export const storeCustomerMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/customers",
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnregistered: true }), requireOwnAddress],
  },
]
