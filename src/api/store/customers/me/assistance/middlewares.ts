import { authenticate, type MedusaNextFunction, type MedusaRequest, type MedusaResponse, type MiddlewareRoute } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { stampAssistedCartWorkflow } from "../../../../../workflows/assistance"
import { currentSession } from "../../../../auth/session-gate"
import { refuseAssistedCheckout, refuseInAssistedSession, requireAssistanceEnabled } from "../../../../utils/assistance"
import { validateBody } from "../../../../utils/request-guards"
import { StoreSetAssistanceConsent } from "../assistance-consent/validators"

const customerOnly = authenticate("customer", ["session", "bearer"])

/** A path, any case, with or without a trailing slash (as Express routes it). */
const route = (path: string) => new RegExp(`^${path.replace(/:[a-z_]+/g, "[^/]+")}/?$`, "i")

/**
 * What an assisted session may not do (docs/assistance.md): change the
 * account's credentials, its sessions, its consent, export or erase it.
 * RegExp matchers run before Medusa's own middlewares on the same route.
 */
const FORBIDDEN_WHILE_ASSISTED: { method: "GET" | "POST" | "DELETE"; path: string }[] = [
  { method: "POST", path: "/store/customers/me/password" },
  { method: "POST", path: "/store/customers/me/email" },
  { method: "GET", path: "/store/customers/me/export" },
  { method: "POST", path: "/store/customers/me/anonymize" },
  { method: "POST", path: "/store/customers/me/assistance-consent" },
  { method: "DELETE", path: "/store/customers/me/sessions" },
  { method: "DELETE", path: "/store/customers/me/sessions/:id" },
  { method: "POST", path: "/store/customers/me/sessions/revoke-others" },
  { method: "POST", path: "/auth/mfa/factors" },
  { method: "DELETE", path: "/auth/mfa/factors/:id" },
  { method: "POST", path: "/auth/mfa/factors/:id/verify" },
  { method: "POST", path: "/auth/mfa/recovery-codes" },
]

type CartBody = { metadata?: Record<string, unknown> | null }

/**
 * `metadata.assisted_by` is the plugin's to write: stamped on carts created
 * or updated with metadata in an assisted session, removed from any other
 * request's body. Runs after Medusa validated the body.
 */
function stampCartBody(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req as MedusaRequest & { validatedBody?: CartBody }).validatedBody
  const assistedBy = currentSession(req)?.assisted_by
  if (body && assistedBy && ((req.method === "POST" && /\/store\/carts\/?$/i.test(req.path)) || body.metadata)) {
    body.metadata = { ...(body.metadata ?? {}), assisted_by: assistedBy }
  } else if (body?.metadata && "assisted_by" in body.metadata) {
    const { assisted_by: _dropped, ...rest } = body.metadata
    body.metadata = rest
  }
  next()
}

/** Before an assisted session completes a cart: the cart (and so the order) carries `metadata.assisted_by`. */
async function stampCartOnCompletion(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const assistedBy = currentSession(req)?.assisted_by
  if (!assistedBy) {
    return next()
  }
  const [cart] = await req.scope
    .resolve(Modules.CART)
    .listCarts({ id: req.params.id }, { select: ["id", "metadata"] })
  if (cart) {
    await stampAssistedCartWorkflow(req.scope).run({
      input: { cart_id: cart.id, metadata: (cart.metadata as Record<string, unknown> | null) ?? null, user_id: assistedBy },
    })
  }
  next()
}

export const storeAssistanceMiddlewares: MiddlewareRoute[] = [
  ...FORBIDDEN_WHILE_ASSISTED.map(({ method, path }) => ({
    method: [method],
    matcher: route(path),
    middlewares: [refuseInAssistedSession],
  })),
  { method: ["POST"], matcher: route("/store/carts/:id/complete"), middlewares: [refuseAssistedCheckout] },
  { method: ["POST"], matcher: "/store/carts/:id/complete", middlewares: [stampCartOnCompletion] },
  { method: ["POST"], matcher: "/store/carts", middlewares: [stampCartBody] },
  { method: ["POST"], matcher: "/store/carts/:id", middlewares: [stampCartBody] },
  {
    method: ["GET"],
    matcher: "/store/customers/me/assistance-consent",
    middlewares: [requireAssistanceEnabled, customerOnly],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/assistance-consent",
    middlewares: [requireAssistanceEnabled, customerOnly, ...validateBody(StoreSetAssistanceConsent)],
  },
  { method: ["GET"], matcher: "/store/customers/me/assistance", middlewares: [requireAssistanceEnabled, customerOnly] },
]
