import type { MedusaRequest } from "@medusajs/framework/http"
import type { AuthenticationInput } from "@medusajs/framework/types"
import { normalizePassword } from "../../lib/password-policy/normalize"

/*
 * The emailpass request bodies the guarded auth module reads and rewrites:
 * the password is handed to the provider in the form that is hashed
 * (lib/password-policy/normalize.ts).
 */

export type Credentials = { email: string; password: string }

/** Medusa's login route also passes the route's actor type (its type omits it). */
export type GuardedAuthenticationInput = AuthenticationInput & { actor_type?: unknown }

/** The e-mail and password of an emailpass request body, when both are strings. */
export function credentialsOf(data: AuthenticationInput | undefined): Credentials | null {
  const { email, password } = (data?.body ?? {}) as Record<string, unknown>
  return typeof email === "string" && typeof password === "string" ? { email, password } : null
}

/** An emailpass request body with the password (and, if given, the e-mail) replaced. */
export function withBody<T extends { body?: Record<string, unknown> }>(data: T, body: Partial<Credentials>): T {
  return { ...data, body: { ...(data.body ?? {}), ...body } }
}

/** An emailpass request body with the password in the form that is hashed. */
export function withNormalizedPassword<T extends { body?: Record<string, unknown> }>(data: T, password: string): T {
  return withBody(data, { password: normalizePassword(password) })
}

/** A password update whose password (if any) is in the form that is hashed. */
export function normalizedUpdate<T extends { password?: unknown }>(update: T): T {
  return typeof update.password === "string" ? { ...update, password: normalizePassword(update.password) } : update
}

/** The actor type of the auth route the request came through (custom code without one: a customer's). */
export function routeActorType(req: MedusaRequest): string {
  return String(req.params?.actor_type ?? "customer")
}
