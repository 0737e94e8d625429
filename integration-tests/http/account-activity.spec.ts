import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ACCOUNT_ACTIVITY_MODULE } from "../../src/modules/account-activity"
import type AccountActivityModuleService from "../../src/modules/account-activity/service"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import type { AdminAccountActivity, StoreAccountActivity } from "../../src/types/account-activity"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  send,
  type TestAdmin,
  type TestCustomer,
} from "./helpers/auth"
import { eventually } from "./helpers/events"
import { clearOutbox, sentMessages, waitForMessages } from "./helpers/outbox"

jest.setTimeout(180 * 1000)

// The new-device e-mail is off by default; this suite checks it too.
process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({ activity: { notifyNewDeviceLogin: true } })
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

const PASSWORD = "a long and unusual passphrase 42"
const NEW_PASSWORD = "another quite unusual passphrase 77"
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0"
const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148 Safari/604.1"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let pk: Record<string, string>
    let admin: TestAdmin
    let jane: TestCustomer

    const security = () => container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE)
    const activity = () => container.resolve<AccountActivityModuleService>(ACCOUNT_ACTIVITY_MODULE)
    const timeline = async (customerId: string, query = "") =>
      (await api.get(`/admin/customers/${customerId}/activity?limit=100${query}`, admin)).data as {
        activities: AdminAccountActivity[]
        count: number
      }
    const typesOf = (entries: { type: string }[]) => entries.map((entry) => entry.type)
    const countOf = (entries: { type: string }[], type: string) => entries.filter((entry) => entry.type === type).length
    /** Waits until the timeline holds `type` (subscribers write after the answer). */
    const entryOf = (customerId: string, type: string) =>
      eventually(async () => (await timeline(customerId)).activities.find((entry) => entry.type === type), {
        timeoutMs: 10_000,
      })
    const login = (email: string, password: string, headers: Record<string, string> = {}) =>
      send(api.post("/auth/customer/emailpass", { email, password }, { headers }))
    /** Lets every subscriber of what was just done finish, then reads the whole timeline. */
    const settled = async (customerId: string) => {
      let last = -1
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 400))
        const { count } = await timeline(customerId)
        if (count === last) {
          return (await timeline(customerId)).activities
        }
        last = count
      }
    }

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      clearOutbox()
      const storeModule = container.resolve(Modules.STORE)
      const [store] = await storeModule.listStores()
      const locales = [{ locale_code: "en-US" }, { locale_code: "de-DE" }]
      if (store) {
        await storeModule.updateStores(store.id, { supported_locales: locales })
      } else {
        await storeModule.createStores({ name: "Test Store", supported_locales: locales })
      }
      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
      // Registration e-mails a verification link; its entry comes last of all.
      await entryOf(jane.customer.id, "email.verification_sent")
    })

    describe("GET /admin/customers/:id/activity", () => {
      it("records each kind of event once, with who caused it, newest first", async () => {
        // Security: a wrong password from a known network and browser.
        await login(jane.email, "not her password 1", { "x-forwarded-for": "203.0.113.7", "user-agent": BROWSER })
        // Notes, as a Back Office user writes them.
        const note = (await api.post(`/admin/customers/${jane.customer.id}/notes`, { body: "VIP: call before shipping" }, admin))
          .data.note
        await api.post(`/admin/customers/${jane.customer.id}/notes/${note.id}`, { pinned: true }, admin)
        await api.delete(`/admin/customers/${jane.customer.id}/notes/${note.id}`, admin)
        // Profile: the customer picks a language.
        await api.post("/store/customers/me/preferences", { locale: "de-DE" }, jane)
        // Groups: an admin adds her by hand through Medusa's own route.
        const group = (await api.post("/admin/customer-groups", { name: "Wholesale" }, admin)).data.customer_group
        await api.post(`/admin/customer-groups/${group.id}/customers`, { add: [jane.customer.id] }, admin)
        // Passwords: an admin sends a link; she changes it herself.
        await api.post(`/admin/customers/${jane.customer.id}/password-reset`, {}, admin)
        await api.post(
          "/store/customers/me/password",
          { old_password: PASSWORD, new_password: NEW_PASSWORD },
          { headers: { ...jane.headers, "x-forwarded-for": "198.51.100.4", "user-agent": PHONE } }
        )

        await entryOf(jane.customer.id, "password.changed")
        const entries = await settled(jane.customer.id)
        const expected = {
          "email.verification_sent": 1,
          "login.succeeded": 1,
          "login.failed": 1,
          "note.created": 1,
          "note.updated": 1,
          "note.deleted": 1,
          "preferences.updated": 1,
          "group.joined": 1,
          "password.reset_requested": 1,
          "password.changed": 1,
          // The login's session, and the other sessions the password change ended.
          "session.started": 1,
          "session.revoked": 1,
        }
        expect(Object.fromEntries(Object.keys(expected).map((type) => [type, countOf(entries, type)]))).toEqual(expected)
        expect(entries).toHaveLength(Object.values(expected).reduce((a, b) => a + b))

        const byType = (type: string) => entries.find((entry) => entry.type === type)!
        const adminActor = { type: "user", id: admin.user.id, name: "Ada Admin" }
        const customerActor = { type: "customer", id: jane.customer.id, name: null }
        expect(byType("login.failed")).toMatchObject({
          kind: "security",
          actor: customerActor,
          ip: "203.0.113.7",
          user_agent: BROWSER,
          data: { actor_type: "customer" },
        })
        expect(byType("note.created")).toMatchObject({ kind: "notes", actor: adminActor, data: { note_id: note.id } })
        expect(byType("note.updated")).toMatchObject({ actor: adminActor, data: { note_id: note.id, pinned: true, changed: ["pinned"] } })
        // A note's body never reaches the timeline.
        expect(JSON.stringify(entries)).not.toContain("VIP")
        expect(byType("preferences.updated")).toMatchObject({
          kind: "profile",
          actor: customerActor,
          data: { changes: [{ field: "locale", from: null, to: "de-DE" }] },
        })
        expect(byType("group.joined")).toMatchObject({
          kind: "groups",
          actor: adminActor,
          data: { customer_group_id: group.id, customer_group_name: "Wholesale", source: "manual" },
        })
        expect(byType("password.reset_requested")).toMatchObject({ actor: adminActor, data: { requested_by: "admin" } })
        expect(byType("password.changed")).toMatchObject({ actor: customerActor, ip: "198.51.100.4", user_agent: PHONE })

        // Newest first.
        const times = entries.map((entry) => Date.parse(entry.occurred_at))
        expect([...times].sort((a, b) => b - a)).toEqual(times)
        // The password change, and the other sessions it ended, in the same moment.
        expect(entries.slice(0, 2).map((entry) => entry.type).sort()).toEqual(["password.changed", "session.revoked"])

        // Security actions are no longer notes an admin could edit or delete.
        const { data } = await api.get(`/admin/customers/${jane.customer.id}/notes`, admin)
        expect(data.notes).toEqual([])
      })

      it("records locks (by the system), refusals (one a minute), unlocks and resets (by whom)", async () => {
        for (let i = 0; i < 5; i++) {
          await login(jane.email, `wrong guess ${i}`, { "x-forwarded-for": "192.0.2.50" })
        }
        const locked = await entryOf(jane.customer.id, "account.locked")
        expect(locked).toMatchObject({ actor: { type: "system", id: null }, data: { lock_count: 1 } })
        expect(Date.parse(String(locked.data.locked_until))).toBeGreaterThan(Date.now())

        // Refused while locked, three times within one minute (the clock
        // stands still at the start of the next one): one entry.
        const minute = Math.ceil(Date.now() / 60_000) * 60_000 + 1000
        security().setClock({ now: () => new Date(minute) })
        try {
          for (let i = 0; i < 3; i++) {
            expect((await login(jane.email, PASSWORD, { "x-forwarded-for": "192.0.2.50" })).status).toEqual(429)
          }
          await entryOf(jane.customer.id, "login.refused")
        } finally {
          security().setClock({ now: () => new Date() })
        }

        await api.post(`/admin/customers/${jane.customer.id}/security/unlock`, {}, admin)
        const unlocked = await entryOf(jane.customer.id, "account.unlocked")
        expect(unlocked).toMatchObject({
          actor: { type: "user", id: admin.user.id, name: "Ada Admin" },
          data: { reason: "admin", was_locked: true },
        })

        // A reset the customer asks for, and completes.
        await api.post("/auth/customer/emailpass/reset-password", { identifier: jane.email })
        await entryOf(jane.customer.id, "password.reset_requested")
        const [mail] = await waitForMessages(jane.email, "customer-password-reset")
        const token = new URL(String(mail.data.reset_url)).searchParams.get("token")
        await api.post(
          "/auth/customer/emailpass/update",
          { password: NEW_PASSWORD },
          { headers: { authorization: `Bearer ${token}` } }
        )
        const completed = await entryOf(jane.customer.id, "password.reset_completed")
        expect(completed.actor).toEqual({ type: "customer", id: jane.customer.id, name: null })

        const entries = await settled(jane.customer.id)
        expect(countOf(entries, "login.failed")).toEqual(5)
        expect(countOf(entries, "account.locked")).toEqual(1)
        expect(countOf(entries, "login.refused")).toEqual(1)
        expect(countOf(entries, "account.unlocked")).toEqual(1)
        expect(countOf(entries, "password.reset_requested")).toEqual(1)
        expect(entries.find((entry) => entry.type === "password.reset_requested")).toMatchObject({
          actor: { type: "customer", id: jane.customer.id },
          data: { requested_by: "customer" },
        })
        expect(countOf(entries, "password.reset_completed")).toEqual(1)
        // The reset token never reaches the timeline.
        expect(JSON.stringify(entries)).not.toContain(String(token))
      })

      it("records memberships made and taken back by rules, by default groups and by hand", async () => {
        const staff = (await api.post("/admin/customer-groups", { name: "Example staff" }, admin)).data.customer_group
        const setRules = (domains: string[]) =>
          api.post(
            `/admin/customer-groups/${staff.id}/rules`,
            { match: "all", rules: [{ type: "email_domain", domains, verified_only: false }] },
            admin
          )
        await setRules(["example.com"])
        await api.post(`/admin/customer-groups/${staff.id}/rules/evaluate`, {}, admin)
        const joined = await entryOf(jane.customer.id, "group.joined")
        expect(joined).toMatchObject({
          kind: "groups",
          actor: { type: "rule", name: null },
          data: { customer_group_id: staff.id, customer_group_name: "Example staff", source: "rule" },
        })
        // The rule set that made the membership.
        expect(joined.actor.id).toMatch(/^cgrs_/)

        // The rule stops matching: the rule takes its membership back.
        await setRules(["example.org"])
        await api.post(`/admin/customer-groups/${staff.id}/rules/evaluate`, {}, admin)
        const left = await entryOf(jane.customer.id, "group.left")
        expect(left).toMatchObject({ actor: { type: "rule" }, data: { customer_group_id: staff.id, source: "rule" } })

        // A default group, joined by a new account: the system's doing.
        const retail = (await api.post("/admin/customer-groups", { name: "Retail" }, admin)).data.customer_group
        await api.post("/admin/customer-accounts/settings", { default_group_ids: [retail.id] }, admin)
        const bob = await registerCustomer(api, pk, { email: "bob@example.com", password: PASSWORD })
        expect(await entryOf(bob.customer.id, "group.joined")).toMatchObject({
          actor: { type: "system", id: null },
          data: { customer_group_id: retail.id, customer_group_name: "Retail", source: "default" },
        })

        // By hand, through Medusa's customer route: removed by the admin.
        await api.post(`/admin/customers/${bob.customer.id}/customer-groups`, { remove: [retail.id] }, admin)
        expect(await entryOf(bob.customer.id, "group.left")).toMatchObject({
          actor: { type: "user", id: admin.user.id, name: "Ada Admin" },
          data: { customer_group_id: retail.id, source: "manual" },
        })
        // A refused change (unknown group) records nothing.
        const refused = await send(
          api.post(`/admin/customers/${bob.customer.id}/customer-groups`, { add: ["cusgroup_missing"] }, admin)
        )
        expect(refused.status).toBeGreaterThanOrEqual(400)
        const entries = await settled(bob.customer.id)
        expect(entries.filter((entry) => entry.kind === "groups").map((entry) => entry.type)).toEqual(["group.left", "group.joined"])
      })

      it("records logins through every spelling of Medusa's route, as the guard sees them", async () => {
        for (const path of ["/auth/%63ustomer/emailpass", "/auth/customer/%65mailpass/", "/auth/CUSTOMER/emailpass"]) {
          const response = await send(api.post(path, { email: jane.email, password: "wrong guess" }))
          expect([401, 404]).toContain(response.status)
        }
        const answered = await send(
          api.get("/auth/customer/emailpass", { data: { email: jane.email, password: "wrong again" } })
        )
        expect(answered.status).toEqual(401)
        await entryOf(jane.customer.id, "login.failed")
        const failures = (await settled(jane.customer.id)).filter((entry) => entry.type === "login.failed")
        const logged = await security().listLoginAttempts({ identifier: jane.email, outcome: "failure" })
        // One timeline entry per failure the lockout counted, whichever spelling reached the check.
        expect(failures).toHaveLength(logged.length)
        expect(failures.length).toBeGreaterThanOrEqual(2)
      })

      it("never fails the request that caused an event when the timeline cannot be written", async () => {
        await settled(jane.customer.id)
        await knex.raw(`alter table account_activity rename to account_activity_away`)
        try {
          const note = await api.post(`/admin/customers/${jane.customer.id}/notes`, { body: "written anyway" }, admin)
          expect(note.status).toEqual(200)
          expect((await login(jane.email, "wrong guess")).status).toEqual(401)
          // The subscriber retries, then gives up and logs; let it try meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 1000))
        } finally {
          await knex.raw(`alter table account_activity_away rename to account_activity`)
        }
        expect((await api.get(`/admin/customers/${jane.customer.id}/notes`, admin)).data.notes).toHaveLength(1)
        // The timeline still answers, with whatever the retries could write.
        expect((await api.get(`/admin/customers/${jane.customer.id}/activity`, admin)).status).toEqual(200)
      })

      it("filters by kind and pages with a count", async () => {
        for (let i = 0; i < 4; i++) {
          await api.post(`/admin/customers/${jane.customer.id}/notes`, { body: `note ${i}` }, admin)
        }
        await login(jane.email, "wrong guess")
        await eventually(async () => (await timeline(jane.customer.id, "&kind=notes")).count === 4 || null)
        await entryOf(jane.customer.id, "login.failed")

        const notes = await timeline(jane.customer.id, "&kind=notes")
        expect(new Set(notes.activities.map((entry) => entry.kind))).toEqual(new Set(["notes"]))
        const several = await timeline(jane.customer.id, "&kind=notes,security")
        expect(several.count).toEqual(4 + 4) // four notes; a login, its session, a failed login, the verification e-mail
        const repeated = (await api.get(`/admin/customers/${jane.customer.id}/activity?kind=notes&kind=security`, admin)).data
        expect(repeated.count).toEqual(several.count)

        const first = (await api.get(`/admin/customers/${jane.customer.id}/activity?limit=2`, admin)).data
        const second = (await api.get(`/admin/customers/${jane.customer.id}/activity?limit=2&offset=2`, admin)).data
        expect(first).toMatchObject({ count: 8, limit: 2, offset: 0 })
        expect(second).toMatchObject({ count: 8, limit: 2, offset: 2 })
        const all = (await timeline(jane.customer.id)).activities.map((entry) => entry.id)
        expect([...first.activities, ...second.activities].map((entry: { id: string }) => entry.id)).toEqual(all.slice(0, 4))
      })

      it.each([
        ["kind=bogus", /kind/],
        ["kind=", /kind/],
        ["limit=0", /limit/],
        ["limit=101", /limit/],
        ["limit=abc", /limit/],
        ["offset=-1", /offset/],
        ["offset=1e9", /offset/],
        ["order=id", /order/],
        ["kind[a]=notes", /kind|nested|deep|query/i],
      ])("answers 400 to ?%s and writes nothing", async (query, message) => {
        await settled(jane.customer.id)
        const before = (await knex("account_activity").count({ n: "*" }))[0].n
        const response = await send(api.get(`/admin/customers/${jane.customer.id}/activity?${query}`, admin))
        expect(response.status).toEqual(400)
        expect(response.data.message).toMatch(message)
        expect((await knex("account_activity").count({ n: "*" }))[0].n).toEqual(before)
      })

      it("answers 404 for an unknown customer and 401 without an admin", async () => {
        expect((await send(api.get("/admin/customers/cus_missing/activity", admin))).status).toEqual(404)
        expect((await send(api.get(`/admin/customers/${jane.customer.id}/activity`))).status).toEqual(401)
        expect((await send(api.get(`/admin/customers/${jane.customer.id}/activity`, jane))).status).toEqual(401)
      })
    })

    describe("append-only", () => {
      it("has no route, service method or SQL that edits or deletes an entry", async () => {
        await login(jane.email, "wrong guess")
        const [entry] = (await eventually(async () => {
          const { activities } = await timeline(jane.customer.id, "&kind=security")
          return activities.length >= 2 ? activities : null
        })) as AdminAccountActivity[]

        for (const method of ["post", "put", "patch", "delete"] as const) {
          for (const path of [`/admin/customers/${jane.customer.id}/activity`, `/admin/customers/${jane.customer.id}/activity/${entry.id}`]) {
            const response = await send(
              method === "delete" ? api.delete(path, admin) : api[method](path, { type: "note.created" }, admin)
            )
            expect([404, 405]).toContain(response.status)
          }
          const store = "/store/customers/me/activity"
          const response = await send(method === "delete" ? api.delete(store, jane) : api[method](store, {}, jane))
          expect([404, 405]).toContain(response.status)
        }

        const methods = new Set<string>()
        for (let proto = Object.getPrototypeOf(activity()); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
          Object.getOwnPropertyNames(proto).forEach((name) => methods.add(name))
        }
        expect([...methods].filter((name) => /update|delete|remove|restore|upsert|softDelete/i.test(name))).toEqual([])

        await expect(knex("account_activity").where({ id: entry.id }).update({ type: "note.created" })).rejects.toThrow(
          /append-only/
        )
        await expect(knex("account_activity").where({ id: entry.id }).delete()).rejects.toThrow(/append-only/)
        const [row] = await knex("account_activity").where({ id: entry.id })
        expect(row.type).toEqual(entry.type)

        // Anonymization may blank IP, browser and details, only in its own transaction, and nothing else.
        const blank = { ip: null, user_agent: null, data: JSON.stringify({}) }
        await expect(knex("account_activity").where({ id: entry.id }).update(blank)).rejects.toThrow(/append-only/)
        await expect(
          knex.transaction(async (trx) => {
            await trx.raw(`set local cam.account_activity_erase = 'on'`)
            await trx("account_activity").where({ id: entry.id }).update({ ...blank, type: "note.created" })
          })
        ).rejects.toThrow(/append-only/)
        expect(await activity().eraseCustomerDetails(jane.customer.id)).toBeGreaterThanOrEqual(2)
        const [erased] = await knex("account_activity").where({ id: entry.id })
        expect(erased).toMatchObject({ type: entry.type, ip: null, user_agent: null, data: {}, customer_id: jane.customer.id })
      })

      it("records an event once however often it is delivered, and prunes only what retention allows", async () => {
        const service = activity()
        const entry = {
          customer_id: jane.customer.id,
          type: "note.created" as const,
          actor_type: "user" as const,
          actor_id: admin.user.id,
          source_key: "spec:delivered-twice",
        }
        const results = await Promise.all([1, 2, 3].map(() => service.recordActivities([entry])))
        expect(results.reduce((a, b) => a + b)).toEqual(1)

        const days = (n: number) => new Date(Date.now() - n * 86_400_000)
        await service.recordActivities([
          { ...entry, source_key: "spec:old", occurred_at: days(366) },
          { ...entry, source_key: "spec:recent", occurred_at: days(364) },
        ])
        expect(await service.pruneExpired()).toEqual(1)
        const keys = (await knex("account_activity").select("source_key")).map((row) => row.source_key)
        expect(keys).toEqual(expect.arrayContaining(["spec:delivered-twice", "spec:recent"]))
        expect(keys).not.toContain("spec:old")
      })
    })

    describe("GET /store/customers/me/activity", () => {
      it("shows the customer their own security events only, without staff identities", async () => {
        const bob = await registerCustomer(api, pk, { email: "bob@example.com", password: PASSWORD })
        await login(bob.email, "bob's wrong guess", { "x-forwarded-for": "198.51.100.99" })
        await login(jane.email, "jane's wrong guess", { "x-forwarded-for": "203.0.113.7", "user-agent": BROWSER })
        await api.post(`/admin/customers/${jane.customer.id}/notes`, { body: "internal remark" }, admin)
        await api.post(`/admin/customers/${jane.customer.id}/password-reset`, {}, admin)
        await api.post("/store/customers/me/preferences", { locale: "de-DE" }, jane)
        await entryOf(jane.customer.id, "note.created")
        await entryOf(jane.customer.id, "preferences.updated")
        await entryOf(jane.customer.id, "password.reset_requested")
        await entryOf(bob.customer.id, "login.failed")

        const { data } = await api.get("/store/customers/me/activity", jane)
        const own = data.activities as StoreAccountActivity[]
        expect(typesOf(own).sort()).toEqual([
          "email.verification_sent",
          "login.failed",
          "login.succeeded",
          "password.reset_requested",
          "session.started",
        ])
        expect(data.count).toEqual(5)
        expect(own.find((entry) => entry.type === "login.failed")).toEqual({
          id: expect.any(String),
          type: "login.failed",
          actor_type: "customer",
          ip: "203.0.113.7",
          user_agent: BROWSER,
          occurred_at: expect.any(String),
        })
        expect(own.find((entry) => entry.type === "password.reset_requested")?.actor_type).toEqual("user")
        const text = JSON.stringify(data)
        expect(text).not.toContain(admin.user.id)
        expect(text).not.toContain("Ada")
        expect(text).not.toContain("198.51.100.99")

        expect((await send(api.get("/store/customers/me/activity", { headers: pk }))).status).toEqual(401)
        for (const query of ["limit=0", "limit=101", "offset=x", "kind=notes", "customer_id=" + bob.customer.id]) {
          expect((await send(api.get(`/store/customers/me/activity?${query}`, jane))).status).toEqual(400)
        }
      })
    })

    describe("activity.notifyNewDeviceLogin", () => {
      it("e-mails a login from a new browser and network, not a known one nor the first", async () => {
        // registerCustomer logged Jane in once: her first login sends nothing.
        await entryOf(jane.customer.id, "login.succeeded")
        const headers = { "x-forwarded-for": "203.0.113.7", "user-agent": BROWSER }
        expect((await login(jane.email, PASSWORD, headers)).status).toEqual(200)
        const [mail] = await waitForMessages(jane.email, "customer-new-device-login")
        expect(mail.data).toMatchObject({ ip: "203.0.113.7", user_agent: BROWSER, subject: "New sign-in to your account" })

        // Same browser, same /24: known.
        await eventually(async () => countOf((await timeline(jane.customer.id)).activities, "login.succeeded") === 2 || null)
        expect((await login(jane.email, PASSWORD, { ...headers, "x-forwarded-for": "203.0.113.200" })).status).toEqual(200)
        await eventually(async () => countOf((await timeline(jane.customer.id)).activities, "login.succeeded") === 3 || null)
        // Same browser, another network: new.
        expect((await login(jane.email, PASSWORD, { ...headers, "x-forwarded-for": "198.51.100.4" })).status).toEqual(200)
        await waitForMessages(jane.email, "customer-new-device-login", 2)
        await settled(jane.customer.id)
        expect(sentMessages(jane.email, "customer-new-device-login")).toHaveLength(2)
      })
    })
  },
})
