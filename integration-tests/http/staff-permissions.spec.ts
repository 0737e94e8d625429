import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { CAPABILITIES } from "../../src/lib/permissions/capabilities"
import { ADMIN_ROUTE_CAPABILITIES } from "../../src/api/admin/route-capabilities"
import { createAdmin, createPublishableKey, registerCustomer, send, type TestAdmin } from "./helpers/auth"
import { registeredRoutes } from "./helpers/auth-routes"
import { liveLinkEmailsSettled } from "./helpers/notifications"
import { captureEvents, eventually } from "./helpers/events"

jest.setTimeout(180 * 1000)

const OWNER = "owner@example.com"
process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({
  staffPermissions: { mode: "enforced", owners: [OWNER.toUpperCase()] },
  // On, so that its routes answer here (off, they are 404 for everyone).
  assistance: { enabled: true },
})
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

const PASSWORD = "a long and unusual passphrase 42"

/** Tables a privileged admin action writes to; a refusal must leave each as it was. */
const WATCHED = [
  "customer",
  "customer_note",
  "login_throttle",
  "customer_accounts_setting",
  "customer_group_rule_set",
  "customer_privacy_request",
  "customer_accounts_staff_permission",
  "customer_accounts_staff_permission_change",
  "account_session",
  "account_session_cutoff",
  "auth_identity",
  "provider_identity",
]

/*
 * Issue 24, from the side of a Back Office user who was granted nothing:
 * every privileged route of the plugin is refused with the capability it
 * needs and writes nothing; reading stays open; owners grant, the grant is
 * on the audit trail, and the shop never loses its last permission manager.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let knex: Knex
    let owner: TestAdmin
    let agent: TestAdmin
    let customerId: string
    let groupId: string
    /** The Back Office user the /admin/users/:id routes act on (signing them out must not end the callers' sessions). */
    let bystander: TestAdmin

    /** Row counts and newest updates of the watched tables. */
    const snapshot = async () => {
      const parts = await Promise.all(
        WATCHED.map(async (table) => {
          const [row] = await knex(table).select(knex.raw("count(*)::int as count, max(updated_at) as updated"))
          return `${table}:${row.count}:${row.updated ? new Date(row.updated).toISOString() : "-"}`
        })
      )
      return parts.join(" ")
    }
    const grant = (userId: string, capabilities: unknown, who: TestAdmin = owner) =>
      send(api.post(`/admin/customer-accounts/permissions/${userId}`, { capabilities }, who))
    const mine = async (who: TestAdmin) => (await send(api.get("/admin/customer-accounts/permissions/me", who))).data
    /** A guarded route's URL with this test's ids (the Back Office user routes name the owner). */
    const urlOf = (matcher: string) =>
      matcher
        .replace(":id", matcher.startsWith("/admin/customer-groups") ? groupId : matcher.startsWith("/admin/users") ? bystander.user.id : customerId)
        .replace(":note_id", "cnote_any")
        .replace(":user_id", agent.user.id)

    beforeEach(async () => {
      container = getContainer()
      knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      owner = await createAdmin(api, container, { email: OWNER, first_name: "Olga" })
      agent = await createAdmin(api, container, { email: "agent@example.com", first_name: "Sam" })
      bystander = await createAdmin(api, container, { email: "bystander@example.com", first_name: "Bea" })
      const pk = await createPublishableKey(container)
      const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
      customerId = jane.customer.id
      // Jane's verification e-mail is written after the answer: settled before any test counts writes.
      await liveLinkEmailsSettled(knex, "jane@example.com")
      groupId = (await api.post("/admin/customer-groups", { name: "VIP" }, owner)).data.customer_group.id
    })

    it("maps exactly the admin routes the app registers for the plugin", async () => {
      // Read from the app as Medusa's API loader builds it, not from a list.
      const registered = new Set((await registeredRoutes(container, /^\/admin\//)).map(({ method, path }) => `${method} ${path}`))
      const table = ADMIN_ROUTE_CAPABILITIES.map(({ method, matcher }) => `${method} ${matcher}`)
      expect(table.filter((route) => !registered.has(route))).toEqual([])
      // Everything under the plugin's own prefix is in the table.
      const own = [...registered].filter((route) => /^(GET|POST|DELETE|PUT|PATCH) \/admin\/customer-accounts\//.test(route))
      expect(own.filter((route) => !table.includes(route)).sort()).toEqual([])
      expect(own.length).toBeGreaterThanOrEqual(8)
    })

    it("refuses every privileged route to a user granted nothing, naming the capability, and writes nothing", async () => {
      const guarded = ADMIN_ROUTE_CAPABILITIES.filter(({ capability }) => capability)
      expect(guarded.length).toBeGreaterThan(20)
      const before = await snapshot()
      const captured = captureEvents(container)
      const refusals: string[] = []
      for (const { method, matcher, capability } of guarded) {
        const url = urlOf(matcher)
        const response = await send(
          method === "GET" ? api.get(url, agent) : method === "DELETE" ? api.delete(url, agent) : api.post(url, { password: PASSWORD }, agent)
        )
        if (response.status !== 403 || response.data.type !== "insufficient_permission" || response.data.capability !== capability) {
          refusals.push(`${method} ${matcher}: ${response.status} ${JSON.stringify(response.data).slice(0, 120)}`)
        }
      }
      // Nothing written, no event emitted (so no e-mail, no timeline entry).
      await new Promise((resolve) => setTimeout(resolve, 300))
      captured.stop()
      expect(refusals).toEqual([])
      expect(await snapshot()).toEqual(before)
      expect(captured.events.map((event) => event.name)).toEqual([])
    })

    it("lets a user with exactly the mapped capability, and an owner, past every guarded route's check", async () => {
      const stopped: string[] = []
      for (const { method, matcher, capability } of ADMIN_ROUTE_CAPABILITIES.filter(({ capability }) => capability)) {
        const url = urlOf(matcher)
        const call = (who: TestAdmin) =>
          send(method === "GET" ? api.get(url, who) : method === "DELETE" ? api.delete(url, who) : api.post(url, {}, who))
        expect((await grant(agent.user.id, capability === "permissions.manage" ? [capability] : [capability!])).status).toEqual(200)
        for (const [who, name] of [[agent, "agent"], [owner, "owner"]] as const) {
          const response = await call(who)
          // Past the check, the route answers for itself (often a 400 for the empty body).
          if (response.status === 403 && response.data.type === "insufficient_permission") {
            stopped.push(`${name}: ${method} ${matcher}`)
          }
        }
      }
      expect(stopped).toEqual([])
    })

    it("keeps reading open to every Back Office user", async () => {
      for (const { method, matcher } of ADMIN_ROUTE_CAPABILITIES.filter(({ method, capability }) => method === "GET" && !capability)) {
        if (matcher.includes(":note_id")) {
          continue
        }
        const url = matcher.replace(":id", matcher.startsWith("/admin/customer-groups") ? groupId : matcher.startsWith("/admin/users") ? owner.user.id : customerId)
        expect(`${method} ${matcher} ${(await send(api.get(url, agent))).status}`).toEqual(`${method} ${matcher} 200`)
      }
    })

    it("tells each user what they may do: everything for an owner (any spelling), nothing ungranted", async () => {
      expect(await mine(owner)).toEqual({ mode: "enforced", owner: true, capabilities: [...CAPABILITIES] })
      expect(await mine(agent)).toEqual({ mode: "enforced", owner: false, capabilities: [] })
      const { data } = await send(api.get("/admin/customer-accounts/permissions", agent))
      expect(data.mode).toEqual("enforced")
      expect(data.capabilities).toEqual([...CAPABILITIES])
      expect(data.users.map((user: { email: string; owner: boolean; effective: string[] }) => [user.email, user.owner, user.effective.length])).toEqual([
        ["agent@example.com", false, 0],
        ["bystander@example.com", false, 0],
        [OWNER, true, CAPABILITIES.length],
      ])
    })

    it("lets an owner grant capabilities, which then work, and records who granted what on the audit trail", async () => {
      const granted = await grant(agent.user.id, ["security.unlock", "notes.write", "notes.write"])
      expect(granted.status).toEqual(200)
      // Linked to Medusa's user (read-only link on user_id).
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: linked } = await query.graph({
        entity: "staff_permission",
        fields: ["capabilities", "user.email"],
        filters: { user_id: agent.user.id },
      })
      expect(linked).toEqual([
        expect.objectContaining({ capabilities: ["notes.write", "security.unlock"], user: expect.objectContaining({ email: "agent@example.com" }) }),
      ])
      expect(granted.data.user).toMatchObject({ id: agent.user.id, capabilities: ["notes.write", "security.unlock"], owner: false })
      expect((await mine(agent)).capabilities).toEqual(["notes.write", "security.unlock"])

      expect((await send(api.post(`/admin/customers/${customerId}/notes`, { body: "Called about a refund" }, agent))).status).toEqual(200)
      expect((await send(api.post(`/admin/customers/${customerId}/security/unlock`, {}, agent))).status).toEqual(200)
      const anonymize = await send(api.post(`/admin/customers/${customerId}/anonymize`, { confirm: "jane@example.com" }, agent))
      expect(anonymize.status).toEqual(403)
      expect(anonymize.data.capability).toEqual("privacy.anonymize")

      const { data } = await send(api.get("/admin/customer-accounts/permissions/changes", agent))
      expect(data.count).toEqual(1)
      expect(data.changes[0]).toMatchObject({
        user_id: agent.user.id,
        actor_id: owner.user.id,
        before: [],
        after: ["notes.write", "security.unlock"],
        user: { email: "agent@example.com" },
        actor: { email: OWNER },
      })

      // Replaced as a whole: an empty list takes everything back.
      expect((await grant(agent.user.id, [])).data.user.capabilities).toEqual([])
      expect((await send(api.post(`/admin/customers/${customerId}/notes`, { body: "Again" }, agent))).status).toEqual(403)
    })

    it("leaves one of two concurrent grants for a user, whole, never a mix, and audits both", async () => {
      const support = ["notes.write", "security.reset_link", "security.unlock", "security.verify_email"]
      const privacy = ["privacy.export", "privacy.anonymize"]
      const [a, b] = await Promise.all([grant(agent.user.id, support), grant(agent.user.id, privacy)])
      expect([a.status, b.status]).toEqual([200, 200])
      const held = [...(await mine(agent)).capabilities].sort()
      expect([support.sort(), privacy.sort()]).toContainEqual(held)
      const rows = await knex("customer_accounts_staff_permission").where({ user_id: agent.user.id }).whereNull("deleted_at")
      expect(rows).toHaveLength(1)
      expect((await send(api.get("/admin/customer-accounts/permissions/changes", owner))).data.count).toEqual(2)
    })

    it("refuses unknown capabilities and unknown users with nothing written", async () => {
      const before = await snapshot()
      const unknown = await grant(agent.user.id, ["security.unlock", "customers.delete"])
      expect(unknown.status).toEqual(400)
      expect(unknown.data.message).toMatch(/capabilities/)
      expect((await grant(agent.user.id, "security.unlock")).status).toEqual(400)
      expect((await grant("user_missing", ["security.unlock"])).status).toEqual(404)
      expect(await snapshot()).toEqual(before)
    })

    it("keeps a permission manager: the last holder cannot take permissions.manage from themselves", async () => {
      expect((await grant(agent.user.id, ["permissions.manage"])).status).toEqual(200)
      // The owner (a user of this shop) still manages: the agent may step down...
      expect((await grant(agent.user.id, [], agent)).status).toEqual(200)
      expect((await grant(agent.user.id, ["permissions.manage"])).status).toEqual(200)
      // ...but not once the owner's user is gone.
      expect((await send(api.delete(`/admin/users/${owner.user.id}`, agent))).status).toEqual(200)
      const before = await snapshot()
      const refused = await grant(agent.user.id, ["notes.write"], agent)
      expect(refused.status).toEqual(400)
      expect(refused.data.message).toMatch(/last user who may manage permissions/)
      expect(await snapshot()).toEqual(before)
      expect((await mine(agent)).capabilities).toEqual(["permissions.manage"])
    })

    it("removes a deleted user's grants with the user", async () => {
      expect((await grant(agent.user.id, ["security.unlock"])).status).toEqual(200)
      expect((await send(api.delete(`/admin/users/${agent.user.id}`, owner))).status).toEqual(200)
      await eventually(async () => (await knex("customer_accounts_staff_permission").where({ user_id: agent.user.id }).whereNull("deleted_at")).length === 0)
      // The audit trail stays.
      expect(await knex("customer_accounts_staff_permission_change").where({ user_id: agent.user.id }).count()).toEqual([{ count: "1" }])
    })
  },
})
