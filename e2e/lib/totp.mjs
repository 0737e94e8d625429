// @ts-check
// The codes of an authenticator app, as the seed's customer would type them:
// RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30 s steps, Medusa's defaults) from
// the Base32 secret Medusa hands out when a factor is set up.

import crypto from "node:crypto"

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
const DIGITS = 6
const PERIOD_SECONDS = 30

/**
 * RFC 4648 Base32, case and padding as authenticator apps accept them.
 * @param {string} secret
 * @returns {Buffer}
 */
function decodeBase32(secret) {
  const clean = secret.toUpperCase().replace(/=+$/, "").replace(/\s+/g, "")
  const bytes = []
  let bits = 0
  let value = 0
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char)
    if (index === -1) throw new Error(`not a Base32 secret: "${char}"`)
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(bytes)
}

/**
 * The code for the time step `atMs` falls in (now by default).
 * @param {string} secret Base32, as `POST /auth/mfa/factors` answers it
 * @param {number} [atMs]
 * @returns {string}
 */
export function totpCode(secret, atMs = Date.now()) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / PERIOD_SECONDS)))
  const hmac = crypto.createHmac("sha1", decodeBase32(secret)).update(counter).digest()
  // RFC 4226 dynamic truncation.
  const offset = hmac[hmac.length - 1] & 0x0f
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0")
}

/** The length of one time step, for a code of the next step (`Date.now() + TOTP_PERIOD_MS`). */
export const TOTP_PERIOD_MS = PERIOD_SECONDS * 1000
