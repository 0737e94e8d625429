import { kdf, verify, type ScryptParams } from "scrypt-kdf"
import { EMAILPASS_PROVIDER } from "../identity/auth-identity"
import { authModuleOptions } from "../identity/auth-module-options"
import { PASSWORD_HASH_PARAMS } from "./history"

/** One stand-in hash per parameter set (an app has one; tests may boot several). */
const dummyHashes = new Map<string, Promise<Buffer>>()

/**
 * The scrypt parameters Medusa's emailpass provider hashes with: its
 * `hashConfig` option when the app sets one, Medusa's default otherwise
 * (auth-emailpass: `this.config_.hashConfig ?? { logN: 15, r: 8, p: 1 }`).
 * Read from the app's config: the auth module's `providers`, the entry with
 * id `emailpass`.
 */
export function emailpassHashParams(modules: unknown): Readonly<ScryptParams> {
  const { providers } = authModuleOptions(modules)
  const emailpass = Array.isArray(providers)
    ? providers.find((provider) => provider && typeof provider === "object" && provider.id === EMAILPASS_PROVIDER)
    : undefined
  const hashConfig = emailpass?.options?.hashConfig
  return hashConfig && typeof hashConfig === "object" ? (hashConfig as ScryptParams) : PASSWORD_HASH_PARAMS
}

/**
 * Spends what one real password check costs (a scrypt-kdf verification with
 * the emailpass provider's parameters, see `emailpassHashParams`) and always
 * answers false. Run for login attempts on unknown e-mails, so that their
 * answer takes as long as a wrong password for an existing account and timing
 * does not reveal which e-mails exist: with other parameters than the
 * provider's, it would. So `params` has no default: a caller that forgot them
 * would time Medusa's default cost, not the app's.
 */
export async function burnPasswordCheck(password: string, params: Readonly<ScryptParams>): Promise<false> {
  const key = `${params.logN}:${params.r}:${params.p}`
  let dummyHash = dummyHashes.get(key)
  if (!dummyHash) {
    dummyHash = kdf("not a real account, only a timing stand-in", params)
    dummyHashes.set(key, dummyHash)
  }
  // The stand-in's own text must not be a way in either: the result is
  // ignored, only the time it takes matters.
  await verify(await dummyHash, password).catch(() => false)
  return false
}
