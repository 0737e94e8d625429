import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import type { Capability } from "../../lib/permissions/capabilities"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../modules/customer-accounts/service"
import { capabilitiesOfActor } from "../utils/staff-permissions"

type Method = "GET" | "POST" | "DELETE"

/** A plugin admin route and method, and the capability it needs (`null`: every Back Office user). */
export type RouteCapability = { method: Method; matcher: string; capability: Capability | null }

/**
 * Every admin route and method of the plugin, and what it needs: the one
 * place that decides (staff permissions). Reading is open; each privileged
 * action has its own capability. A route that is not listed here fails
 * src/api/__tests__/route-capabilities.unit.spec.ts.
 */
export const ADMIN_ROUTE_CAPABILITIES: RouteCapability[] = [
  // Notes
  { method: "GET", matcher: "/admin/customers/:id/notes", capability: null },
  { method: "POST", matcher: "/admin/customers/:id/notes", capability: "notes.write" },
  { method: "GET", matcher: "/admin/customers/:id/notes/:note_id", capability: null },
  { method: "POST", matcher: "/admin/customers/:id/notes/:note_id", capability: "notes.write" },
  { method: "DELETE", matcher: "/admin/customers/:id/notes/:note_id", capability: "notes.write" },
  // Lockout and passwords
  { method: "GET", matcher: "/admin/customers/:id/security", capability: null },
  { method: "POST", matcher: "/admin/customers/:id/security/unlock", capability: "security.unlock" },
  { method: "POST", matcher: "/admin/customers/:id/security/unblock-ip", capability: "security.unlock" },
  { method: "POST", matcher: "/admin/customers/:id/password-reset", capability: "security.reset_link" },
  { method: "POST", matcher: "/admin/customers/:id/password", capability: "security.set_password" },
  // Checks a password against the policy for the set-password form; stores nothing.
  { method: "POST", matcher: "/admin/customers/:id/password-strength", capability: "security.set_password" },
  { method: "GET", matcher: "/admin/customer-accounts/password-policy", capability: null },
  // The lockout in force (plugin options, read-only) for the settings page.
  { method: "GET", matcher: "/admin/customer-accounts/security-settings", capability: null },
  // Verification and MFA
  { method: "GET", matcher: "/admin/customers/:id/email-verification", capability: null },
  { method: "POST", matcher: "/admin/customers/:id/email-verification/resend", capability: "security.verify_email" },
  { method: "POST", matcher: "/admin/customers/:id/email-verification/verify", capability: "security.verify_email" },
  { method: "GET", matcher: "/admin/customers/:id/mfa", capability: null },
  { method: "POST", matcher: "/admin/customers/:id/mfa/reset", capability: "security.mfa_reset" },
  // Sessions
  { method: "GET", matcher: "/admin/customers/:id/sessions", capability: null },
  { method: "POST", matcher: "/admin/customers/:id/sessions/revoke", capability: "sessions.revoke" },
  // Assisted shopping: signing in as a customer is its own permission; ending a session is session management.
  { method: "GET", matcher: "/admin/customers/:id/assistance", capability: null },
  { method: "POST", matcher: "/admin/customers/:id/assistance", capability: "assistance.start" },
  { method: "POST", matcher: "/admin/customers/:id/assistance/end", capability: "sessions.revoke" },
  { method: "GET", matcher: "/admin/customer-accounts/assistance-sessions", capability: null },
  // Data subject rights: an export hands out all of a person's data, so it is no plain read.
  { method: "GET", matcher: "/admin/customers/:id/export", capability: "privacy.export" },
  { method: "POST", matcher: "/admin/customers/:id/anonymize", capability: "privacy.anonymize" },
  { method: "GET", matcher: "/admin/customers/:id/privacy", capability: null },
  { method: "GET", matcher: "/admin/customer-accounts/erasure-requests", capability: null },
  // Timeline, preferences, groups
  { method: "GET", matcher: "/admin/customers/:id/activity", capability: null },
  { method: "GET", matcher: "/admin/customers/:id/preferences", capability: null },
  // Editing a customer's preferences is the customer record's own business, open like Medusa's customer edit.
  { method: "POST", matcher: "/admin/customers/:id/preferences", capability: null },
  { method: "GET", matcher: "/admin/customers/:id/group-memberships", capability: null },
  { method: "GET", matcher: "/admin/customer-groups/:id/rules", capability: null },
  { method: "POST", matcher: "/admin/customer-groups/:id/rules", capability: "groups.rules" },
  { method: "POST", matcher: "/admin/customer-groups/:id/rules/evaluate", capability: "groups.rules" },
  { method: "GET", matcher: "/admin/customer-accounts/group-rules", capability: null },
  { method: "GET", matcher: "/admin/customer-accounts/settings", capability: null },
  { method: "POST", matcher: "/admin/customer-accounts/settings", capability: "settings.manage" },
  // Back Office users' own login security
  { method: "GET", matcher: "/admin/users/:id/security", capability: null },
  { method: "POST", matcher: "/admin/users/:id/security/unlock", capability: "users.security" },
  { method: "POST", matcher: "/admin/users/:id/security/unblock-ip", capability: "users.security" },
  { method: "GET", matcher: "/admin/users/:id/sessions", capability: null },
  { method: "POST", matcher: "/admin/users/:id/sessions/revoke", capability: "users.security" },
  // The permissions themselves
  { method: "GET", matcher: "/admin/customer-accounts/permissions", capability: null },
  { method: "GET", matcher: "/admin/customer-accounts/permissions/me", capability: null },
  { method: "GET", matcher: "/admin/customer-accounts/permissions/changes", capability: null },
  { method: "POST", matcher: "/admin/customer-accounts/permissions/:user_id", capability: "permissions.manage" },
]

/**
 * The one check: in `staffPermissions.mode: "enforced"`, a request goes on
 * only when its Back Office user holds `capability` (granted, or an owner);
 * otherwise `403 { type: "insufficient_permission", capability, message }`
 * before any validator or handler, so nothing is written. Secret API keys
 * hold no capability in enforced mode. `open` mode lets everyone through.
 */
export function requireCapability(capability: Capability) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const accounts: CustomerAccountsModuleService = req.scope.resolve(CUSTOMER_ACCOUNTS_MODULE)
    if (accounts.getStaffPermissionOptions().mode === "open") {
      return next()
    }
    const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
    if ((await capabilitiesOfActor(req.scope, auth)).effective.includes(capability)) {
      return next()
    }
    res.status(403).json({
      type: "insufficient_permission",
      capability,
      message: `This action needs the "${capability}" permission. Ask a user who may manage permissions to grant it.`,
    })
  }
}

/** The capability check of every listed route that needs one (first among each route's middlewares). */
export const adminCapabilityMiddlewares: MiddlewareRoute[] = ADMIN_ROUTE_CAPABILITIES.flatMap(({ method, matcher, capability }) =>
  capability ? [{ method: [method], matcher, middlewares: [requireCapability(capability)] }] : []
)
