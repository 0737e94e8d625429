import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Marks only the plugin can write: an HMAC-SHA256 (hex) with the app's JWT
 * secret over a purpose and the values it vouches for, joined by NUL (which
 * none of them can hold). Used where Medusa stores or forwards metadata a
 * caller could also send (a verification's purpose, who asked for a reset
 * link). Pure code (no Medusa).
 */
export function appSignature(secret: string, purpose: string, ...values: (string | number)[]): string {
  return createHmac("sha256", secret).update([purpose, ...values].join("\u0000")).digest("hex")
}

/** Whether `given` is `expected`, compared in constant time. */
export function sameSignature(given: unknown, expected: string): boolean {
  if (typeof given !== "string") {
    return false
  }
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
