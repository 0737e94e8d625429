import { kdf, verify, type ScryptParams } from "scrypt-kdf"
import { normalizePassword } from "./normalize"

/**
 * The parameters Medusa's emailpass auth provider hashes with, so a history
 * entry costs the same to attack as the live password hash.
 */
export const PASSWORD_HASH_PARAMS: Readonly<ScryptParams> = {
  logN: 15,
  r: 8,
  p: 1,
}

/** A scrypt-kdf key, base64-encoded like the emailpass provider stores it. */
export async function hashPassword(password: string): Promise<string> {
  const key = await kdf(password, PASSWORD_HASH_PARAMS)
  return key.toString("base64")
}

/** scrypt-kdf refuses keys of the wrong size with a RangeError instead of answering false. */
async function matchesHash(password: string, hash: string): Promise<boolean> {
  try {
    return await verify(Buffer.from(hash, "base64"), password)
  } catch {
    // A damaged history entry must not block a password change; it simply
    // cannot match anything.
    return false
  }
}

/**
 * True when the password matches one of the previous hashes. The caller
 * passes at most `historySize` hashes, newest first.
 *
 * Hashes are checked one at a time and the search stops at the first match:
 * each scrypt call takes ~100 ms and 32 MiB, so checking 24 in parallel would
 * briefly need ~800 MiB.
 */
export async function isPasswordReused(
  password: string,
  previousHashes: string[]
): Promise<boolean> {
  // The normalized form is what is hashed now; an entry stored before
  // normalization holds the form as typed (see normalize.ts).
  const forms = [...new Set([normalizePassword(password), password])]
  for (const hash of previousHashes) {
    for (const form of forms) {
      if (await matchesHash(form, hash)) {
        return true
      }
    }
  }
  return false
}
