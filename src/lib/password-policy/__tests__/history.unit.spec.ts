import { viewParams } from "scrypt-kdf"

import {
  hashPassword,
  isPasswordReused,
  PASSWORD_HASH_PARAMS,
} from "../history"

// Each scrypt call takes ~100 ms at Medusa's parameters: one hash is shared
// and every test below costs at most one verification.
const PASSWORD = "correct horse battery staple 93!"

describe("password history", () => {
  let hash: string

  beforeAll(async () => {
    hash = await hashPassword(PASSWORD)
  })

  it("hashes to a base64 scrypt-kdf key with Medusa's emailpass parameters", () => {
    const key = Buffer.from(hash, "base64")
    expect(key.toString("base64")).toBe(hash)
    expect(viewParams(key)).toEqual({ logN: 15, r: 8, p: 1 })
    expect(PASSWORD_HASH_PARAMS).toEqual({ logN: 15, r: 8, p: 1 })
  })

  it("recognises a reused password", async () => {
    await expect(isPasswordReused(PASSWORD, [hash])).resolves.toBe(true)
  })

  it("does not flag a different password", async () => {
    await expect(isPasswordReused(`${PASSWORD}x`, [hash])).resolves.toBe(false)
  })

  it("answers false for an empty history", async () => {
    await expect(isPasswordReused(PASSWORD, [])).resolves.toBe(false)
  })

  it("skips a damaged entry instead of failing the password change", async () => {
    await expect(
      isPasswordReused(PASSWORD, ["not-a-hash", hash])
    ).resolves.toBe(true)
  })
})
