import { kdf, verify } from "scrypt-kdf"
import { PASSWORD_HASH_PARAMS } from "./history"

let dummyHash: Promise<Buffer> | undefined

/**
 * Spends what one real password check costs (a scrypt-kdf verification with
 * the emailpass parameters) and always answers false. Run for login attempts
 * on unknown e-mails, so that their answer takes as long as a wrong password
 * for an existing account and timing does not reveal which e-mails exist.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= kdf("not a real account, only a timing stand-in", PASSWORD_HASH_PARAMS)
  // The stand-in's own text must not be a way in either: the result is
  // ignored, only the time it takes matters.
  await verify(await dummyHash, password).catch(() => false)
  return false
}
