import type { MedusaResponse } from "@medusajs/framework/http"

/**
 * A refusal for a spent budget (a lockout, a rate limit): `429` with
 * `Retry-After` in seconds and Medusa's error shape `{ type, message }`.
 * Any route's response: the error body replaces its success shape.
 */
export function sendTooManyRequests(res: MedusaResponse<any>, retryAfterSeconds: number, message: string): void {
  res.setHeader("Retry-After", String(retryAfterSeconds))
  res.status(429).json({ type: "not_allowed", message })
}
