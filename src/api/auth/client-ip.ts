import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { canonicalIp } from "../../lib/ip-address"
import { MAX_FORWARDED_FOR_LENGTH } from "../../lib/options"
import { accountSecurity } from "../utils/account-security"

/**
 * The client's IP as the lockout counts it, canonical (see lib/ip-address).
 * `trustedProxyHops: null` keeps Express' `req.ip` (Medusa trusts one proxy
 * hop); a number counts the proxies whose X-Forwarded-For entries are
 * believed, so a client cannot pick its own IP by sending the header itself.
 * An X-Forwarded-For header too long to be a proxy chain, or a client
 * address that is not an IP, is a 400.
 */
export function clientIp(req: MedusaRequest, trustedProxyHops: number | null): string | null {
  const header = req.headers["x-forwarded-for"]
  const forwardedFor = Array.isArray(header) ? header.join(",") : header ?? ""
  if (forwardedFor.length > MAX_FORWARDED_FOR_LENGTH) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `X-Forwarded-For: must be at most ${MAX_FORWARDED_FOR_LENGTH} characters`
    )
  }
  let address: string | null
  if (trustedProxyHops === null) {
    address = req.ip ?? null
  } else {
    const forwarded = forwardedFor
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .reverse()
    const chain = [req.socket.remoteAddress ?? null, ...forwarded]
    address = chain[Math.min(trustedProxyHops, chain.length - 1)] ?? null
  }
  if (address === null) {
    return null
  }
  const ip = canonicalIp(address)
  if (!ip) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "X-Forwarded-For: the client address must be an IP address"
    )
  }
  return ip
}

/** The request's client IP under the configured `lockout.trustedProxyHops`. */
export function requestIp(req: MedusaRequest): string | null {
  return clientIp(req, accountSecurity(req.scope).getOptions().lockout.trustedProxyHops)
}
