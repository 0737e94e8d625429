import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import pruneLoginAttemptsJob from "../../src/jobs/prune-login-attempts"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  send,
  type TestAdmin,
  type TestCustomer,
} from "./helpers/auth"
import { attemptsLogged } from "./helpers/attempts"
import { captureEvents, eventually } from "./helpers/events"
import { clearOutbox, resetTokenSentTo } from "./helpers/outbox"
import { startSecondInstance } from "./helpers/second-instance"

jest.setTimeout(180 * 1000)

const PASSWORD = "a long and unusual passphrase 42"
const LOCKED_BODY = {
  type: "not_allowed",
  message: "Too many failed login attempts. Try again later.",
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let container: MedusaContainer
    let security: AccountSecurityModuleService
    let jane: TestCustomer
    let admin: TestAdmin
    let offsetMs = 0

    // Logins whose outcome the guard records after answering (200, 401, 429).
    let recorded = 0
    const countRecorded = <T extends { status: number }>(response: T): T => {
      recorded += [200, 401, 429].includes(response.status) ? 1 : 0
      return response
    }
    /** The newest timeline entry of `type` (written by a subscriber after the answer). */
    const activityEntry = (customerId: string, type: string) =>
      eventually(async () => {
        const { data } = await api.get(`/admin/customers/${customerId}/activity?limit=100`, admin)
        return data.activities.find((entry: { type: string }) => entry.type === type)
      })
    const login = async (email: string, password: string) =>
      countRecorded(await send(api.post("/auth/customer/emailpass", { email, password })))
    /** A login through a proxy that names the client (Medusa trusts one hop). */
    const loginFrom = (ip: string, email: string, password: string) =>
      send(api.post("/auth/customer/emailpass", { email, password }, { headers: { "x-forwarded-for": ip } }))
    /**
     * Waits until every login sent so far has been recorded: the attempt-log
     * row is the last write of each outcome, so its lock and counters are in.
     */
    const settle = () =>
      eventually(
        async () => (await attemptsLogged(security)) >= recorded,
        { timeoutMs: 20_000 }
      )
    const failTimes = async (email: string, times: number) => {
      const statuses: number[] = []
      for (let i = 0; i < times; i++) {
        statuses.push((await login(email, `wrong guess ${i}`)).status)
      }
      await settle()
      return statuses
    }
    /** An IP blocked as 50 failures would block it, without sending them. */
    const blockIpForTest = (ip: string) =>
      security.createLoginThrottles({
        scope: "ip",
        key: ip,
        attempts: 50,
        window_started_at: new Date(),
        locked_until: new Date(Date.now() + 900 * 1000),
        lock_count: 1,
      })
    const securityOf = async (customerId: string) =>
      (await api.get(`/admin/customers/${customerId}/security`, admin)).data.security

    beforeEach(async () => {
      container = getContainer()
      security = container.resolve(ACCOUNT_SECURITY_MODULE)
      offsetMs = 0
      recorded = 0
      security.setClock({ now: () => new Date(Date.now() + offsetMs) })
      const pk = await createPublishableKey(container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
      // registerCustomer logs in once to get a token.
      recorded = 1
      admin = await createAdmin(api, container)
      // So does createAdmin, through the Back Office route (guarded and logged too).
      recorded += 1
      await settle()
      clearOutbox()
    })

    afterEach(() => {
      security.setClock({ now: () => new Date() })
    })

    it("admits exactly maxAttempts of 200 parallel wrong attempts; the rest never reach scrypt", async () => {
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => login(jane.email, `parallel guess ${i}`))
      )
      const statuses = responses.map((response) => response.status)
      expect(statuses.filter((status) => status === 401)).toHaveLength(5)
      expect(statuses.filter((status) => status === 429)).toHaveLength(195)
      const refused = responses.find((response) => response.status === 429)!
      expect(refused.data).toEqual(LOCKED_BODY)
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)

      await settle()
      const correct = await login(jane.email, PASSWORD)
      expect(correct.status).toEqual(429)

      const state = await securityOf(jane.customer.id)
      expect(state.locked).toEqual(true)
      expect(state.lock_count_24h).toEqual(1)
      // Refused attempts are not failed password checks.
      expect(state.failed_attempts).toEqual(5)
    })

    it("shares the count between two server instances on one database", async () => {
      const second = await startSecondInstance(dbConfig.clientUrl)
      try {
        const responses = await Promise.all(
          Array.from({ length: 200 }, async (_, i) =>
            countRecorded(
              await send(
                (i % 2 ? second.api : api).post("/auth/customer/emailpass", {
                  email: jane.email,
                  password: `guess on two instances ${i}`,
                })
              )
            )
          )
        )
        const statuses = responses.map((response) => response.status)
        expect(statuses.filter((status) => status === 401)).toHaveLength(5)
        expect(statuses.filter((status) => status === 429)).toHaveLength(195)
        await settle()
        const onSecond = await send(
          second.api.post("/auth/customer/emailpass", { email: jane.email, password: PASSWORD })
        )
        expect(onSecond.status).toEqual(429)
        expect(onSecond.data).toEqual(LOCKED_BODY)
      } finally {
        await second.stop()
      }
    })

    it("answers unknown and known e-mails identically", async () => {
      const known = await failTimes(jane.email, 7)
      const unknown = await failTimes("nobody@example.com", 7)
      expect(known).toEqual([401, 401, 401, 401, 401, 429, 429])
      expect(unknown).toEqual(known)

      const [a, b] = [await login(jane.email, "x"), await login("nobody@example.com", "x")]
      expect(a.data).toEqual(LOCKED_BODY)
      expect(b.data).toEqual(a.data)
      expect(Math.abs(Number(a.headers["retry-after"]) - Number(b.headers["retry-after"]))).toBeLessThanOrEqual(2)
      const wrong = [await login("other-unknown@example.com", "x"), await login("rae@example.com", "y")]
      expect(wrong.map((r) => r.data)).toEqual([
        { type: "unauthorized", message: "Invalid email or password" },
        { type: "unauthorized", message: "Invalid email or password" },
      ])
    })

    it("treats the identifier case- and space-insensitively", async () => {
      await failTimes(" JANE@example.com ", 3)
      await failTimes("jane@EXAMPLE.com", 2)
      expect((await login(jane.email, PASSWORD)).status).toEqual(429)
    })

    it("resets the failure count on success", async () => {
      await failTimes(jane.email, 4)
      expect((await login(jane.email, PASSWORD)).status).toEqual(200)
      await settle()
      expect(await failTimes(jane.email, 4)).toEqual([401, 401, 401, 401])
      expect((await login(jane.email, PASSWORD)).status).toEqual(200)
    })

    it("locks progressively: each lock within 24 h doubles, up to maxLockSeconds", async () => {
      await failTimes(jane.email, 5)
      const first = await securityOf(jane.customer.id)
      const firstSeconds = (Date.parse(first.locked_until) - (Date.now() + offsetMs)) / 1000
      expect(firstSeconds).toBeGreaterThan(880)
      expect(firstSeconds).toBeLessThanOrEqual(900)

      offsetMs += 901 * 1000
      expect(await failTimes(jane.email, 5)).toEqual([401, 401, 401, 401, 401])
      const second = await securityOf(jane.customer.id)
      const secondSeconds = (Date.parse(second.locked_until) - (Date.now() + offsetMs)) / 1000
      expect(secondSeconds).toBeGreaterThan(1780)
      expect(secondSeconds).toBeLessThanOrEqual(1800)
      expect(second.lock_count_24h).toEqual(2)
      const refused = await login(jane.email, PASSWORD)
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(1780)

      for (let lock = 3; lock <= 9; lock++) {
        offsetMs += 86_400 * 1000 * 0 + (Date.parse((await securityOf(jane.customer.id)).locked_until) - (Date.now() + offsetMs)) + 1000
        await failTimes(jane.email, 5)
      }
      const capped = await securityOf(jane.customer.id)
      const cappedSeconds = (Date.parse(capped.locked_until) - (Date.now() + offsetMs)) / 1000
      expect(cappedSeconds).toBeLessThanOrEqual(86_400)
      expect(cappedSeconds).toBeGreaterThan(86_000)

      // A day without locks starts again from the first duration.
      offsetMs += (Date.parse(capped.locked_until) - (Date.now() + offsetMs)) + 86_401 * 1000
      await failTimes(jane.email, 5)
      const fresh = await securityOf(jane.customer.id)
      expect(fresh.lock_count_24h).toEqual(1)
    })

    it("blocks an IP after ipMaxAttempts failed checks across identifiers; refused attempts do not count", async () => {
      // 9 identifiers x 5 failures = 45 failed checks, plus refused attempts.
      for (let i = 0; i < 9; i++) {
        expect(await failTimes(`victim${i}@example.com`, 7)).toEqual([401, 401, 401, 401, 401, 429, 429])
      }
      expect(await failTimes("fresh1@example.com", 4)).toEqual([401, 401, 401, 401])
      // 49 failed checks so far: the 50th blocks the IP.
      expect(await failTimes("fresh2@example.com", 1)).toEqual([401])
      const blocked = await login(jane.email, PASSWORD)
      expect(blocked.status).toEqual(429)
      expect(blocked.data).toEqual(LOCKED_BODY)
      // Medusa trusts one proxy hop, so by default the address a proxy puts
      // in X-Forwarded-For is the client (see lockout.trustedProxyHops).
      expect((await loginFrom("203.0.113.7", jane.email, PASSWORD)).status).toEqual(200)

      offsetMs += 901 * 1000
      expect((await login(jane.email, PASSWORD)).status).toEqual(200)
    })

    it("admits exactly ipMaxAttempts of 200 parallel wrong logins from one IP across 200 identifiers", async () => {
      // Credential stuffing: each identifier is tried once, so only the IP
      // limit can stop the burst, and only if it counts at admission.
      const stuffing = (i: number) =>
        loginFrom("203.0.113.50", i === 0 ? jane.email : `stuffed${i}@example.com`, `leaked password ${i}`)
      const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => stuffing(i)))
      const statuses = responses.map((response) => response.status)
      expect(statuses.filter((status) => status === 401)).toHaveLength(50)
      expect(statuses.filter((status) => status === 429)).toHaveLength(150)
      expect(responses.find((response) => response.status === 429)!.data).toEqual(LOCKED_BODY)

      await eventually(async () => (await attemptsLogged(security, { ip: "203.0.113.50" })) === 200)
      const failures = await security.listLoginAttempts({ ip: "203.0.113.50", outcome: "failure" })
      expect(failures).toHaveLength(50)
      // An identifier the IP refused holds no attempt: either it was never
      // counted (the IP was already locked) or it was given back.
      const refusedKeys = statuses.flatMap((status, i) =>
        status === 429 ? [i === 0 ? jane.email : `stuffed${i}@example.com`] : []
      )
      const refusedRows = await security.listLoginThrottles({ scope: "identifier", key: refusedKeys })
      expect(refusedRows.filter((row) => Number(row.attempts) !== 0)).toEqual([])

      // The IP is now blocked for everyone behind it, even with the right password...
      expect((await loginFrom("203.0.113.50", jane.email, PASSWORD)).status).toEqual(429)
      // ...but not for another IP.
      expect((await login(jane.email, PASSWORD)).status).toEqual(200)
    })

    it("counts attempts in flight toward the IP; a refusal by the IP holds no place anywhere", async () => {
      const ip = "192.0.2.77"
      const ipCount = async () =>
        Number((await security.listLoginThrottles({ scope: "ip", key: ip }))[0]?.attempts ?? 0)
      // 50 admitted attempts still waiting for their verdict.
      for (let i = 0; i < 50; i++) {
        expect(await security.lockout.admit(`inflight${i}@example.com`, ip)).toEqual({ admitted: true })
      }
      expect(await ipCount()).toEqual(50)
      // The 51st is refused by the IP, and the identifier's count is given back.
      expect(await security.lockout.admit("victim@example.com", ip)).toEqual({
        admitted: false,
        retryAfterSeconds: 900,
      })
      const [victim] = await security.listLoginThrottles({ scope: "identifier", key: "victim@example.com" })
      expect(Number(victim.attempts)).toEqual(0)
      expect(await ipCount()).toEqual(51)
      // One attempt in flight is aborted: the count held over the limit by the
      // refusal drops back first, so one place is free again.
      await security.lockout.release("inflight0@example.com", ip)
      expect(await ipCount()).toEqual(49)
      expect(await security.lockout.admit("victim@example.com", ip)).toEqual({ admitted: true })
      // Its failure reaches the limit: the IP is blocked for lockSeconds.
      await security.lockout.recordFailure("victim@example.com", ip)
      const [ipRow] = await security.listLoginThrottles({ scope: "ip", key: ip })
      expect(new Date(ipRow.locked_until!).getTime() - Date.now()).toBeGreaterThan(890 * 1000)
      expect(await security.lockout.admit("other@example.com", ip)).toEqual({
        admitted: false,
        retryAfterSeconds: expect.any(Number),
      })
    })

    it("gives the IP's place back on success, so legitimate logins never add up to a block", async () => {
      // An office behind one IP: more correct logins than ipMaxAttempts.
      for (let i = 0; i < 60; i++) {
        expect((await loginFrom("198.51.100.20", jane.email, PASSWORD)).status).toEqual(200)
      }
      await eventually(async () => {
        const logged = await security.listLoginAttempts({ ip: "198.51.100.20", outcome: "success" })
        return logged.length === 60
      })
      const [ipRow] = await security.listLoginThrottles({ scope: "ip", key: "198.51.100.20" })
      expect(Number(ipRow.attempts)).toEqual(0)
      expect(ipRow.locked_until).toBeNull()
    })

    it("keeps password reset available while locked, and a completed reset lifts the lock", async () => {
      await failTimes(jane.email, 6)
      const request = await api.post("/auth/customer/emailpass/reset-password", {
        identifier: jane.email,
      })
      expect(request.status).toEqual(201)
      const token = await resetTokenSentTo(jane.email)
      const newPassword = "violet tractor whispers at noon 7"
      const update = await api.post(
        "/auth/customer/emailpass/update",
        { password: newPassword },
        { headers: { authorization: `Bearer ${token}` } }
      )
      expect(update.status).toEqual(200)
      // The reset lifted the lock before it answered.
      expect((await security.lockout.stateOf(jane.email)).locked).toBe(false)
      expect((await login(jane.email, newPassword)).status).toEqual(200)
      const unlocked = await activityEntry(jane.customer.id, "account.unlocked")
      expect(unlocked).toEqual(
        expect.objectContaining({
          actor: { type: "customer", id: jane.customer.id, name: null },
          data: { reason: "password_reset", was_locked: true },
        })
      )
    })

    it("writes the lock e-mail in the customer's language; the timeline records the lock", async () => {
      await api.post("/store/customers/me/preferences", { locale: "de-DE" }, jane)
      await failTimes(jane.email, 6)
      const notifications = container.resolve(Modules.NOTIFICATION)
      const [mail] = await eventually(async () => {
        const list = await notifications.listNotifications({ to: jane.email, template: "customer-account-locked" })
        return list.length ? list : undefined
      })
      expect(mail.data).toEqual(
        expect.objectContaining({
          locale: "de-DE",
          language: "de",
          subject: "Ihr Konto wurde gesperrt",
          reset_hint: "Setzen Sie Ihr Passwort zurück, um Ihr Konto sofort zu entsperren.",
        })
      )
      // Jane's address is unverified: no greeting by name (issue 22).
      expect(mail.data?.text).toMatch(/^Guten Tag,/)
      // German date words and order, in UTC with the zone named.
      expect(mail.data?.text).toMatch(/ist Ihr Konto bis \d{1,2}\. \S+ \d{4}, \d{2}:\d{2} UTC gesperrt\./)
      const locked = await activityEntry(jane.customer.id, "account.locked")
      expect(locked).toEqual(
        expect.objectContaining({ actor: { type: "system", id: null, name: null }, data: expect.objectContaining({ lock_count: 1 }) })
      )
    })

    it("counts wrong current passwords on the change-password route", async () => {
      const change = (old_password: string) =>
        send(
          api.post(
            "/store/customers/me/password",
            { old_password, new_password: "violet tractor whispers at noon 7" },
            jane
          )
        )
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        statuses.push((await change(`wrong ${i}`)).status)
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
      expect((await change(PASSWORD)).status).toEqual(429)
      await settle()
      expect((await login(jane.email, PASSWORD)).status).toEqual(429)
    })

    it("emits login_failed and locked once, notifies the customer and records the lock", async () => {
      const capture = captureEvents(container)
      try {
        await failTimes(jane.email, 8)
        expect(capture.named("customer_account.login_failed")).toHaveLength(5)
        expect(capture.named("customer_account.locked")).toEqual([
          expect.objectContaining({
            data: expect.objectContaining({
              identifier: jane.email,
              customer_id: jane.customer.id,
              lock_count: 1,
            }),
          }),
        ])
        const notifications = container.resolve(Modules.NOTIFICATION)
        const [mail] = await eventually(async () => {
          const list = await notifications.listNotifications({ to: jane.email, template: "customer-account-locked" })
          return list.length ? list : undefined
        })
        expect(mail.data).toEqual(
          expect.objectContaining({
            locked_until: expect.any(String),
            locale: "en",
            language: "en",
            subject: "Your account has been locked",
            reset_hint: "Reset your password to unlock your account right away.",
          })
        )
        // The timeline keeps the lock as data, for the admin to show in each viewer's language.
        const locked = await activityEntry(jane.customer.id, "account.locked")
        expect(locked.data).toEqual({ locked_until: mail.data?.locked_until, lock_count: 1 })
      } finally {
        capture.stop()
      }
    })

    describe("admin security API", () => {
      it("shows status, counters and recent attempts, and unlocks on the timeline", async () => {
        expect((await login(jane.email, PASSWORD)).status).toEqual(200)
        await failTimes(jane.email, 6)

        const state = await securityOf(jane.customer.id)
        expect(state).toEqual(
          expect.objectContaining({
            identifier: jane.email,
            locked: true,
            locked_until: expect.any(String),
            lock_count_24h: 1,
            last_failed_at: expect.any(String),
            last_login_at: expect.any(String),
          })
        )
        expect(state.recent_attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
          "refused", "failure", "failure", "failure", "failure", "failure", "success", "success",
        ])
        expect(state.recent_attempts[0]).toEqual(
          expect.objectContaining({ ip: expect.stringContaining("127.0.0.1"), user_agent: expect.any(String) })
        )
        expect(JSON.stringify(state)).not.toContain(PASSWORD)

        const capture = captureEvents(container)
        try {
          const unlock = await api.post(`/admin/customers/${jane.customer.id}/security/unlock`, {}, admin)
          expect(unlock.data).toEqual({ customer_id: jane.customer.id, unlocked: true, was_locked: true })
          expect(capture.named("customer_account.unlocked")).toHaveLength(1)
        } finally {
          capture.stop()
        }
        expect((await login(jane.email, PASSWORD)).status).toEqual(200)
        const unlocked = await activityEntry(jane.customer.id, "account.unlocked")
        expect(unlocked).toEqual(
          expect.objectContaining({
            actor: { type: "user", id: admin.user.id, name: "Ada Admin" },
            data: { reason: "admin", was_locked: true },
          })
        )
      })

      it("shows the IP blocks in a customer's way and lets an admin lift one, on the timeline", async () => {
        const office = "203.0.113.60"
        // ipMaxAttempts (50) failed checks from the office IP block it...
        const burst = await Promise.all(
          Array.from({ length: 50 }, (_, i) => loginFrom(office, `colleague${i}@example.com`, `wrong ${i}`))
        )
        expect(burst.map((response) => response.status)).toEqual(burst.map(() => 401))
        // ...so Jane, at the office, is refused although her account is fine.
        expect((await loginFrom(office, jane.email, PASSWORD)).status).toEqual(429)
        const blockedState = await eventually(async () => {
          const state = await securityOf(jane.customer.id)
          return state.blocked_ips.length > 0 && state
        })
        expect(blockedState.locked).toEqual(false)
        expect(blockedState.blocked_ips).toEqual([{ ip: office, blocked_until: expect.any(String) }])
        expect(Date.parse(blockedState.blocked_ips[0].blocked_until) - Date.now()).toBeGreaterThan(800 * 1000)
        // A blocked IP Jane was never tried from is not hers to see or lift.
        const elsewhere = "192.0.2.200"
        await blockIpForTest(elsewhere)
        expect((await securityOf(jane.customer.id)).blocked_ips.map((b: { ip: string }) => b.ip)).toEqual([office])
        const notHers = await send(
          api.post(`/admin/customers/${jane.customer.id}/security/unblock-ip`, { ip: elsewhere }, admin)
        )
        expect(notHers.status).toEqual(404)
        const [elsewhereRow] = await security.listLoginThrottles({ scope: "ip", key: elsewhere })
        expect(elsewhereRow.locked_until).not.toBeNull()
        expect((await api.get(`/admin/customers/${jane.customer.id}/notes`, admin)).data.count).toEqual(0)

        const capture = captureEvents(container)
        try {
          const unblock = await api.post(
            `/admin/customers/${jane.customer.id}/security/unblock-ip`,
            { ip: office },
            admin
          )
          expect(unblock.data).toEqual({ customer_id: jane.customer.id, ip: office, unblocked: true, was_blocked: true })
          expect(capture.named("customer_account.ip_unblocked").map((event) => event.data)).toEqual([
            {
              event_id: expect.any(String),
              ip: office,
              customer_id: jane.customer.id,
              user_id: null,
              actor_id: expect.any(String),
              was_blocked: true,
            },
          ])
        } finally {
          capture.stop()
        }
        expect((await securityOf(jane.customer.id)).blocked_ips).toEqual([])
        const [officeRow] = await security.listLoginThrottles({ scope: "ip", key: office })
        expect({ attempts: Number(officeRow.attempts), locked_until: officeRow.locked_until }).toEqual({
          attempts: 0,
          locked_until: null,
        })
        expect((await loginFrom(office, jane.email, PASSWORD)).status).toEqual(200)
        const unblocked = await activityEntry(jane.customer.id, "ip.unblocked")
        expect(unblocked).toEqual(
          expect.objectContaining({
            actor: { type: "user", id: admin.user.id, name: "Ada Admin" },
            data: { ip: office, was_blocked: true },
          })
        )

        // Again: nothing was blocked any more, and the timeline will say so.
        const again = await api.post(`/admin/customers/${jane.customer.id}/security/unblock-ip`, { ip: office }, admin)
        expect(again.data.was_blocked).toEqual(false)
      })

      it("matches the IP without regard to case, and only within the last 24 h", async () => {
        const ipv6 = "2001:DB8::77"
        expect((await loginFrom(ipv6, jane.email, "wrong once")).status).toEqual(401)
        await eventually(async () => (await security.listLoginAttempts({ outcome: "failure" })).length === 1)
        const unblock = await send(
          api.post(`/admin/customers/${jane.customer.id}/security/unblock-ip`, { ip: ipv6.toLowerCase() }, admin)
        )
        expect(unblock.status).toEqual(200)
        expect(unblock.data.was_blocked).toEqual(false)
        offsetMs += 24 * 3600 * 1000 + 1000
        const tooOld = await send(
          api.post(`/admin/customers/${jane.customer.id}/security/unblock-ip`, { ip: ipv6 }, admin)
        )
        expect(tooOld.status).toEqual(404)
      })

      it("refuses other actors, unknown customers and bodies", async () => {
        for (const request of [
          () => api.get(`/admin/customers/${jane.customer.id}/security`),
          () => api.get(`/admin/customers/${jane.customer.id}/security`, jane),
          () => api.post(`/admin/customers/${jane.customer.id}/security/unlock`, {}),
          () => api.post(`/admin/customers/${jane.customer.id}/security/unlock`, {}, jane),
          () => api.post(`/admin/customers/${jane.customer.id}/security/unblock-ip`, { ip: "127.0.0.1" }),
          () => api.post(`/admin/customers/${jane.customer.id}/security/unblock-ip`, { ip: "127.0.0.1" }, jane),
        ]) {
          expect((await send(request())).status).toEqual(401)
        }
        for (const body of [{}, { ip: "" }, { ip: 7 }, { ip: "a".repeat(65) }, { ip: "::1", all: true }, { ip: "1.2.3.4\u0000" }]) {
          const response = await send(
            api.post(`/admin/customers/${jane.customer.id}/security/unblock-ip`, body, admin)
          )
          expect({ body, status: response.status }).toEqual({ body, status: 400 })
        }
        expect(
          (await send(api.post(`/admin/customers/cus_missing/security/unblock-ip`, { ip: "127.0.0.1" }, admin))).status
        ).toEqual(404)
        expect((await send(api.get(`/admin/customers/cus_missing/security`, admin))).status).toEqual(404)
        const withBody = await send(
          api.post(`/admin/customers/${jane.customer.id}/security/unlock`, { all: true }, admin)
        )
        expect(withBody.status).toEqual(400)
        expect((await api.get(`/admin/customers/${jane.customer.id}/notes`, admin)).data.count).toEqual(0)
      })

      it("never shows the attempt log or lock state on store routes", async () => {
        await failTimes(jane.email, 2)
        const me = await send(api.get(`/store/customers/me?fields=*login_attempts`, jane))
        expect(JSON.stringify(me.data)).not.toContain("failure")
        // The store's security route says only whether a password change is due.
        const security = await send(api.get(`/store/customers/me/security`, jane))
        expect(security.status).toEqual(200)
        expect(security.data).toEqual({ security: { password_change: null } })
      })
    })

    it("prunes attempt-log entries older than retentionDays", async () => {
      await failTimes(jane.email, 2)
      // Jane's login, the admin's login, two failures.
      expect(await security.listLoginAttempts({})).toHaveLength(4)
      offsetMs += 29 * 86_400 * 1000
      await pruneLoginAttemptsJob(container)
      expect(await security.listLoginAttempts({})).toHaveLength(4)
      offsetMs += 2 * 86_400 * 1000
      await pruneLoginAttemptsJob(container)
      expect(await security.listLoginAttempts({})).toHaveLength(0)
    })
  },
})
