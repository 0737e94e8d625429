import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_GROUP_RULE_MODULE } from "../../src/modules/customer-group-rule"
import type CustomerGroupRuleModuleService from "../../src/modules/customer-group-rule/service"
import { backfillCustomerGroupRulesWorkflow } from "../../src/workflows/customer-group-rule"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  send,
  type TestAdmin,
} from "./helpers/auth"
import { eventually } from "./helpers/events"

jest.setTimeout(120 * 1000)

const PASSWORD = "a long and unusual passphrase 42"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let admin: TestAdmin
    let pk: Record<string, string>

    const createGroup = async (name: string) =>
      (await api.post("/admin/customer-groups", { name }, admin)).data.customer_group.id as string
    const setRules = (groupId: string, body: unknown) =>
      send(api.post(`/admin/customer-groups/${groupId}/rules`, body, admin))
    const groupsOf = async (customerId: string) =>
      (await api.get(`/admin/customers/${customerId}/group-memberships`, admin)).data.memberships.map(
        (m: { customer_group: { name: string }; source: string }) => `${m.customer_group.name}:${m.source}`
      )
    const backfill = async (groupId?: string) =>
      (await backfillCustomerGroupRulesWorkflow(container).run({ input: { customer_group_id: groupId } })).result

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      pk = await createPublishableKey(container)
    })

    describe("rules API", () => {
      it("stores rules and shows a group without rules as manual", async () => {
        const groupId = await createGroup("VIP")
        const empty = await api.get(`/admin/customer-groups/${groupId}/rules`, admin)
        expect(empty.data.rule_set).toEqual({
          customer_group_id: groupId,
          match: "all",
          rules: [],
          automatic: false,
          last_run: null,
        })
        const rules = [
          { type: "email_domain", domains: ["Acme.com"] },
          { type: "orders_count", gte: 2 },
          { type: "total_spent", gte: 99.5, currency_code: "EUR" },
          { type: "has_account", value: true },
          { type: "created_after", date: "2020-01-01" },
          { type: "created_before", date: "2100-01-01T00:00:00Z" },
        ]
        const saved = await setRules(groupId, { match: "any", rules })
        expect(saved.status).toEqual(200)
        expect(saved.data.rule_set).toEqual(
          expect.objectContaining({ match: "any", automatic: true })
        )
        expect(saved.data.rule_set.rules[0]).toEqual({ type: "email_domain", domains: ["acme.com"] })
        expect(saved.data.rule_set.rules[2].currency_code).toEqual("eur")
      })

      it.each([
        ["an unknown rule type", { rules: [{ type: "vip_level", gte: 1 }] }],
        ["a negative amount", { rules: [{ type: "total_spent", gte: -5, currency_code: "eur" }] }],
        ["an amount as text", { rules: [{ type: "total_spent", gte: "10", currency_code: "eur" }] }],
        ["a fractional order count", { rules: [{ type: "orders_count", gte: 1.5 }] }],
        ["an unknown currency", { rules: [{ type: "total_spent", gte: 5, currency_code: "xyz" }] }],
        ["a bad domain", { rules: [{ type: "email_domain", domains: ["not a domain"] }] }],
        ["an unknown field", { rules: [], owner: "me" }],
        ["a bad match", { match: "most", rules: [] }],
      ])("refuses %s with 400 and stores nothing", async (_, body) => {
        const groupId = await createGroup("Refused")
        const response = await setRules(groupId, body)
        expect(response.status).toEqual(400)
        expect(response.data.type).toEqual("invalid_data")
        const service = container.resolve<CustomerGroupRuleModuleService>(CUSTOMER_GROUP_RULE_MODULE)
        expect(await service.listGroupRuleSets({})).toHaveLength(0)
      })

      it("answers 404 for unknown groups and 401 without an admin", async () => {
        expect((await send(api.get("/admin/customer-groups/cusgroup_missing/rules", admin))).status).toEqual(404)
        expect((await setRules("cusgroup_missing", { rules: [] })).status).toEqual(404)
        expect(
          (await send(api.post("/admin/customer-groups/cusgroup_missing/rules/evaluate", {}, admin))).status
        ).toEqual(404)
        expect((await send(api.get("/admin/customers/cus_missing/group-memberships", admin))).status).toEqual(404)
        const groupId = await createGroup("Guarded")
        const withBody = await send(
          api.post(`/admin/customer-groups/${groupId}/rules/evaluate`, { all: true }, admin)
        )
        expect(withBody.status).toEqual(400)
        const customer = (await api.post("/admin/customers", { email: "x@example.com" }, admin)).data.customer
        for (const request of [
          () => api.get(`/admin/customers/${customer.id}/group-memberships`),
          () => api.post("/admin/customer-accounts/settings", { default_group_ids: [] }),
          () => api.get(`/admin/customer-groups/${groupId}/rules`),
          () => api.post(`/admin/customer-groups/${groupId}/rules`, { rules: [] }),
          () => api.post(`/admin/customer-groups/${groupId}/rules/evaluate`, {}),
          () => api.get("/admin/customer-accounts/settings"),
        ]) {
          expect((await send(request())).status).toEqual(401)
        }
      })
    })

    describe("default groups", () => {
      it("puts every new account into the default groups, not guests", async () => {
        const retail = await createGroup("Retail")
        const newsletter = await createGroup("Newsletter")
        const saved = await api.post(
          "/admin/customer-accounts/settings",
          { default_group_ids: [retail, newsletter, retail] },
          admin
        )
        expect(saved.data.settings.default_group_ids).toEqual([retail, newsletter])

        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
        await eventually(async () => (await groupsOf(jane.customer.id)).length === 2)
        expect(await groupsOf(jane.customer.id)).toEqual(["Newsletter:manual", "Retail:manual"])

        const guest = await api.post("/admin/customers", { email: "guest@example.com" }, admin)
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect(await groupsOf(guest.data.customer.id)).toEqual([])

        const mine = await api.get("/store/customers/me/groups", jane)
        expect(mine.data.groups).toEqual([
          { id: newsletter, name: "Newsletter" },
          { id: retail, name: "Retail" },
        ])
      })

      it("refuses unknown groups and forgets a deleted group", async () => {
        const refused = await send(
          api.post("/admin/customer-accounts/settings", { default_group_ids: ["cusgroup_missing"] }, admin)
        )
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toContain("default_group_ids: unknown customer group cusgroup_missing")
        expect((await api.get("/admin/customer-accounts/settings", admin)).data.settings.default_group_ids).toEqual([])

        const doomed = await createGroup("Doomed")
        await api.post("/admin/customer-accounts/settings", { default_group_ids: [doomed] }, admin)
        await api.delete(`/admin/customer-groups/${doomed}`, admin)
        const service = container.resolve<CustomerGroupRuleModuleService>(CUSTOMER_GROUP_RULE_MODULE)
        await eventually(async () => (await service.getDefaultGroupIds())?.length === 0)
        expect((await api.get("/admin/customer-accounts/settings", admin)).data.settings.default_group_ids).toEqual([])
      })
    })

    describe("automatic groups", () => {
      it("follows customer.created and customer.updated, and never removes a manual member", async () => {
        const acme = await createGroup("Acme staff")
        await setRules(acme, { rules: [{ type: "email_domain", domains: ["acme.com"] }] })

        const ann = await registerCustomer(api, pk, { email: "ann@acme.com", password: PASSWORD })
        await eventually(async () => (await groupsOf(ann.customer.id)).length === 1)
        expect(await groupsOf(ann.customer.id)).toEqual(["Acme staff:automatic"])

        // A manual member who does not match the rule.
        const bob = await registerCustomer(api, pk, { email: "bob@example.com", password: PASSWORD })
        await api.post(`/admin/customer-groups/${acme}/customers`, { add: [bob.customer.id] }, admin)

        await api.post(`/admin/customers/${ann.customer.id}`, { email: "ann@elsewhere.org" }, admin)
        await eventually(async () => (await groupsOf(ann.customer.id)).length === 0)
        await api.post(`/admin/customers/${bob.customer.id}`, { first_name: "Robert" }, admin)
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect(await groupsOf(bob.customer.id)).toEqual(["Acme staff:manual"])

        // And a full re-evaluation keeps him too.
        const result = await backfill(acme)
        expect(result).toEqual(expect.objectContaining({ skipped: false, removed: 0 }))
        expect(await groupsOf(bob.customer.id)).toEqual(["Acme staff:manual"])
      })

      it("uses order count and amount spent, re-evaluated on order.placed", async () => {
        const big = await createGroup("Big spenders")
        await setRules(big, {
          match: "all",
          rules: [
            { type: "orders_count", gte: 2 },
            { type: "total_spent", gte: 100, currency_code: "eur" },
          ],
        })
        const jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
        const orders = container.resolve(Modules.ORDER)
        const order = (price: number, currency = "eur") =>
          orders.createOrders({
            currency_code: currency,
            customer_id: jane.customer.id,
            email: jane.email,
            items: [{ title: "Thing", quantity: 1, unit_price: price }],
          })
        const eventBus = container.resolve(Modules.EVENT_BUS)

        const first = await order(60)
        await eventBus.emit({ name: "order.placed", data: { id: first.id } })
        await order(500, "usd")
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect(await groupsOf(jane.customer.id)).toEqual([])

        const second = await order(45)
        await eventBus.emit({ name: "order.placed", data: { id: second.id } })
        await eventually(async () => (await groupsOf(jane.customer.id)).length === 1)
        expect(await groupsOf(jane.customer.id)).toEqual(["Big spenders:automatic"])
      })

      it("backfills everyone from the admin, reports the last run, and is idempotent", async () => {
        const members = await createGroup("Members")
        const customers = []
        for (let i = 0; i < 6; i++) {
          customers.push(
            (await api.post("/admin/customers", { email: `c${i}@example.com` }, admin)).data.customer.id
          )
        }
        const registered = await registerCustomer(api, pk, { email: "reg@example.com", password: PASSWORD })
        await setRules(members, { rules: [{ type: "has_account", value: false }] })

        const started = await api.post(`/admin/customer-groups/${members}/rules/evaluate`, {}, admin)
        expect(started.status).toEqual(202)
        expect(started.data.transaction_id).toEqual(expect.any(String))
        const run = await eventually(async () => {
          const { data } = await api.get(`/admin/customer-groups/${members}/rules`, admin)
          return data.rule_set.last_run
        })
        expect(run).toEqual({ at: expect.any(String), evaluated: 7, added: 6, removed: 0 })
        expect(await groupsOf(registered.customer.id)).toEqual([])
        expect(await groupsOf(customers[0])).toEqual(["Members:automatic"])

        const again = await backfill(members)
        expect(again).toEqual({ skipped: false, evaluated: 7, added: 0, removed: 0 })

        // Rules cleared: the memberships rules made go away.
        await setRules(members, { rules: [] })
        const cleared = await backfill(members)
        expect(cleared.removed).toEqual(6)
        expect(await groupsOf(customers[0])).toEqual([])
      })

      it("evaluates created_before and created_after dates", async () => {
        const veterans = await createGroup("Veterans")
        const newcomers = await createGroup("Newcomers")
        const ids: string[] = []
        for (let i = 0; i < 3; i++) {
          ids.push((await api.post("/admin/customers", { email: `d${i}@example.com` }, admin)).data.customer.id)
        }
        const tomorrow = new Date(Date.now() + 86_400_000).toISOString()
        await setRules(veterans, { rules: [{ type: "created_before", date: "2001-01-01" }] })
        await setRules(newcomers, {
          rules: [
            { type: "created_after", date: "2001-01-01" },
            { type: "created_before", date: tomorrow },
          ],
        })
        const result = await backfill()
        expect(result).toEqual(expect.objectContaining({ added: 3, removed: 0 }))
        for (const id of ids) {
          expect(await groupsOf(id)).toEqual(["Newcomers:automatic"])
        }
      })

      it("runs two concurrent backfills safely: one works, the other is skipped or finds nothing to do", async () => {
        const early = await createGroup("Early birds")
        for (let i = 0; i < 25; i++) {
          await api.post("/admin/customers", { email: `early${i}@example.com` }, admin)
        }
        await setRules(early, { rules: [{ type: "created_after", date: "2000-01-01" }] })

        const [a, b] = await Promise.all([backfill(), backfill()])
        expect(a.added + b.added).toEqual(25)
        expect([a.skipped, b.skipped].filter(Boolean).length).toBeLessThanOrEqual(1)
        const memberships = await container
          .resolve(Modules.CUSTOMER)
          .listCustomerGroupCustomers({ customer_group_id: early })
        expect(memberships).toHaveLength(25)
        const records = await container
          .resolve<CustomerGroupRuleModuleService>(CUSTOMER_GROUP_RULE_MODULE)
          .listRuleMemberships({ customer_group_id: early })
        expect(records).toHaveLength(25)
      })
    })

    describe("store groups", () => {
      it("needs a customer session", async () => {
        expect((await send(api.get("/store/customers/me/groups", { headers: pk }))).status).toEqual(401)
      })
    })
  },
})
