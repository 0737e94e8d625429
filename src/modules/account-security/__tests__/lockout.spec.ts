import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ACCOUNT_SECURITY_MODULE } from ".."
import type AccountSecurityModuleService from "../service"

jest.setTimeout(60 * 1000)

/**
 * The lockout's SQL against a real PostgreSQL, without HTTP: admission is
 * atomic, locks are progressive, windows expire, places are given back.
 * Time is moved with the module's clock, never slept.
 */
moduleIntegrationTestRunner<AccountSecurityModuleService>({
  moduleName: ACCOUNT_SECURITY_MODULE,
  resolve: "./src/modules/account-security",
  moduleOptions: {
    lockout: { maxAttempts: 3, windowSeconds: 600, lockSeconds: 60, maxLockSeconds: 200, ipMaxAttempts: 5, trustedProxyHops: 0 },
    userLockout: { maxAttempts: 2, lockSeconds: 120, maxLockSeconds: 600 },
  },
  testSuite: ({ service, medusaApp }) => {
    let now = new Date("2026-11-30T10:00:00Z")
    const advance = (seconds: number) => {
      now = new Date(now.getTime() + seconds * 1000)
    }

    beforeEach(() => {
      now = new Date("2026-11-30T10:00:00Z")
      // The instance itself: `service` is the runner's forwarding proxy, and a
      // method called through it would set the clock on the proxy.
      const instance = (medusaApp.modules as Record<string, AccountSecurityModuleService>)[ACCOUNT_SECURITY_MODULE]
      instance.setClock({ now: () => now })
    })

    /** One admitted attempt that fails, as the guard settles it. */
    const fail = async (identifier: string, ip: string | null = null, owner: "customer" | "user" = "customer") => {
      const admission = await service.lockout.admit(identifier, ip, owner)
      if (!admission.admitted) {
        return admission
      }
      return service.lockout.recordFailure(identifier, ip, { owner })
    }

    it("admits exactly maxAttempts of parallel attempts on one identifier", async () => {
      const admissions = await Promise.all(
        Array.from({ length: 40 }, () => service.lockout.admit("jane@example.com", null))
      )
      expect(admissions.filter((a) => a.admitted)).toHaveLength(3)
      expect(admissions.filter((a) => !a.admitted)).toHaveLength(37)
    })

    it("admits exactly ipMaxAttempts of parallel attempts from one IP across identifiers", async () => {
      const admissions = await Promise.all(
        Array.from({ length: 30 }, (_, i) => service.lockout.admit(`user${i}@example.com`, "203.0.113.5"))
      )
      expect(admissions.filter((a) => a.admitted)).toHaveLength(5)
      // Identifiers the IP refused hold no attempt.
      const states = await Promise.all(Array.from({ length: 30 }, (_, i) => service.lockout.stateOf(`user${i}@example.com`)))
      expect(states.reduce((sum, state) => sum + state.failed_attempts, 0)).toEqual(5)
    })

    it("locks on the failure that reaches the limit, and doubles each lock within 24 h up to the cap", async () => {
      const first = [await fail("jane@example.com"), await fail("jane@example.com"), await fail("jane@example.com")]
      expect(first.map((r) => "locked" in r && r.locked)).toEqual([false, false, true])
      const refused = await service.lockout.admit("jane@example.com", null)
      expect(refused).toEqual({ admitted: false, retryAfterSeconds: 60 })

      advance(61)
      for (let i = 0; i < 2; i++) await fail("jane@example.com")
      const second = await fail("jane@example.com")
      expect(second).toEqual(expect.objectContaining({ locked: true, lock_count: 2 }))
      expect(await service.lockout.admit("jane@example.com", null)).toEqual({ admitted: false, retryAfterSeconds: 120 })

      advance(121)
      for (let i = 0; i < 2; i++) await fail("jane@example.com")
      const third = await fail("jane@example.com")
      // 60 * 4 = 240 s, capped at maxLockSeconds.
      expect(third).toEqual(expect.objectContaining({ locked: true, lock_count: 3 }))
      expect(await service.lockout.admit("jane@example.com", null)).toEqual({ admitted: false, retryAfterSeconds: 200 })
    })

    it("starts counting again once the window has passed", async () => {
      await fail("jane@example.com")
      await fail("jane@example.com")
      advance(601)
      expect((await fail("jane@example.com")) as { locked: boolean }).toEqual(expect.objectContaining({ locked: false }))
      expect((await service.lockout.stateOf("jane@example.com")).failed_attempts).toEqual(1)
    })

    it("gives an aborted attempt's places back, and a success forgets the failures", async () => {
      await fail("jane@example.com", "198.51.100.1")
      expect(await service.lockout.admit("jane@example.com", "198.51.100.1")).toEqual({ admitted: true })
      await service.lockout.release("jane@example.com", "198.51.100.1")
      expect((await service.lockout.stateOf("jane@example.com")).failed_attempts).toEqual(1)

      expect(await service.lockout.admit("jane@example.com", "198.51.100.1")).toEqual({ admitted: true })
      await service.lockout.recordSuccess({ identifier: "jane@example.com", ip: "198.51.100.1", attempted_at: now })
      expect((await service.lockout.stateOf("jane@example.com")).failed_attempts).toEqual(0)
      const [ipRow] = await service.listLoginThrottles({ scope: "ip", key: "198.51.100.1" })
      // The IP keeps the one failure only.
      expect(Number(ipRow.attempts)).toEqual(1)
    })

    it("limits an identity by its owner's block once a verdict named the owner", async () => {
      // A Back Office user's identity tried through the storefront route.
      await fail("ada@example.com", null, "user")
      expect(await service.lockout.admit("ada@example.com", null, "customer")).toEqual({ admitted: true })
      const locked = await service.lockout.recordFailure("ada@example.com", null, { owner: "user", route: "customer" })
      expect(locked).toEqual(expect.objectContaining({ locked: true }))
      expect((await service.lockout.stateOf("ada@example.com")).locked).toBe(true)
    })

    it("clears a lock and puts it back exactly (an unlock's compensation)", async () => {
      for (let i = 0; i < 3; i++) await fail("jane@example.com")
      const before = await service.lockout.stateOf("jane@example.com")
      const cleared = await service.lockout.clear("identifier", "jane@example.com")
      expect(cleared.was_locked).toBe(true)
      expect((await service.lockout.stateOf("jane@example.com")).locked).toBe(false)
      await service.lockout.restore("identifier", "jane@example.com", cleared.previous!)
      expect(await service.lockout.stateOf("jane@example.com")).toEqual(before)
    })

    it("counts quota uses in fixed windows", async () => {
      const uses = []
      for (let i = 0; i < 4; i++) uses.push(await service.quotas.consume("password_reset", "jane@example.com", 3, 900))
      expect(uses.map((use) => use.allowed)).toEqual([true, true, true, false])
      expect(uses[3].retryAfterSeconds).toEqual(900)
      advance(600)
      // The time left in the window that began with the first use.
      expect((await service.quotas.consume("password_reset", "jane@example.com", 3, 900)).retryAfterSeconds).toEqual(300)
      advance(301)
      expect(await service.quotas.consume("password_reset", "jane@example.com", 3, 900)).toEqual({
        allowed: true,
        count: 1,
        retryAfterSeconds: 900,
      })
    })

    it("keeps the last historySize password hashes per identity, newest first", async () => {
      // historySize is 0 here (the default): nothing is kept.
      expect(await service.passwords.remember("authid_1", "hash-1")).toBeNull()
    })

    it("prunes attempt-log entries older than the retention", async () => {
      await service.lockout.log({ identifier: "jane@example.com", outcome: "failure", attempted_at: now })
      advance(31 * 86_400)
      await service.lockout.log({ identifier: "jane@example.com", outcome: "failure", attempted_at: now })
      expect(await service.lockout.pruneLog(30)).toEqual(1)
      expect(await service.listLoginAttempts({})).toHaveLength(1)
    })

    it("claims a one-time key for exactly one of many callers, gives it back, and forgets it after its window", async () => {
      const claims = await Promise.all(Array.from({ length: 8 }, () => service.quotas.claim("mfa_code_used", "k1", 120)))
      expect(claims.filter(Boolean)).toHaveLength(1)
      await service.quotas.release("mfa_code_used", "k1")
      expect(await service.quotas.claim("mfa_code_used", "k1", 120)).toBe(true)
      expect(await service.quotas.claim("mfa_code_used", "k1", 120)).toBe(false)
      advance(121)
      expect(await service.quotas.claim("mfa_code_used", "k1", 120)).toBe(true)
    })

    it("prunes only counters whose window started before the cut-off", async () => {
      await service.quotas.consume("password_reset", "old@example.com", 3, 900)
      advance(3 * 86_400)
      await service.quotas.consume("password_reset", "new@example.com", 3, 900)
      expect(await service.quotas.prune(2 * 86_400)).toEqual(1)
      expect(await service.quotas.prune(2 * 86_400)).toEqual(0)
      // The kept counter still counts.
      expect((await service.quotas.consume("password_reset", "new@example.com", 3, 900)).count).toEqual(2)
    })
  },
})
