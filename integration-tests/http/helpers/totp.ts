import { createHmac } from "node:crypto"

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

function base32Decode(secret: string): Buffer {
  let bits = 0
  let value = 0
  const bytes: number[] = []
  for (const char of secret.replace(/=+$/, "").toUpperCase()) {
    const index = BASE32.indexOf(char)
    if (index < 0) {
      throw new Error(`not base32: ${char}`)
    }
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
 * The RFC 6238 code of a base32 secret (SHA-1, 6 digits, 30 s steps), as an
 * authenticator app computes it: the tests use it instead of a phone.
 * `stepOffset` picks a neighbouring step (a code from the past or the future).
 */
export function totpCode(secret: string, { at = Date.now(), stepOffset = 0 }: { at?: number; stepOffset?: number } = {}): string {
  const counter = Math.floor(at / 1000 / 30) + stepOffset
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const digest = createHmac("sha1", base32Decode(secret)).update(message).digest()
  const offset = digest[digest.length - 1] & 0x0f
  const binary = digest.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 1_000_000).padStart(6, "0")
}

/** A six-digit code that is not the secret's code for any step near now. */
export function wrongTotpCode(secret: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((stepOffset) => totpCode(secret, { stepOffset })))
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, "0")
    if (!near.has(code)) {
      return code
    }
  }
}
