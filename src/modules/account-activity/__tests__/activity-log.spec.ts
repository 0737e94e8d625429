import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { setProjectClock } from "../../../lib/clock"
import { ACCOUNT_ACTIVITY_MODULE } from ".."
import type AccountActivityModuleService from "../service"
import type { NewAccountActivity } from "../types"

jest.setTimeout(120 * 1000)

const DAY = 86_400_000
const NOW = new Date("2026-11-30T10:00:00Z")

/**
 * The activity log's SQL against a real PostgreSQL, without HTTP: keyed
 * recording, the timeline's order, filters and pages, and retention in
 * batches.
 */
moduleIntegrationTestRunner<AccountActivityModuleService>({
  moduleName: ACCOUNT_ACTIVITY_MODULE,
  resolve: "./src/modules/account-activity",
  moduleOptions: { activity: { retentionDays: 30 } },
  testSuite: ({ service }) => {
    const entry = (overrides: Partial<NewAccountActivity> = {}): NewAccountActivity => ({
      customer_id: "cus_1",
      type: "login.failed",
      actor_type: "customer",
      actor_id: "cus_1",
      ...overrides,
    })

    beforeEach(() => {
      setProjectClock({ now: () => NOW })
    })
    afterAll(() => {
      setProjectClock({ now: () => new Date() })
    })

    it("records an entry once per source key, also when the same event arrives concurrently", async () => {
      const written = await Promise.all(
        Array.from({ length: 8 }, () => service.recordActivities([entry({ source_key: "login.failed:attempt-1" })]))
      )
      expect(written.reduce((a, b) => a + b, 0)).toEqual(1)
      // Entries without a key are never merged.
      expect(await service.recordActivities([entry(), entry()])).toEqual(2)
      const [, count] = await service.listAndCountActivities({ customer_id: "cus_1" })
      expect(count).toEqual(3)
    })

    it("derives the kind from the type, and bounds what a client may store", async () => {
      await service.recordActivities([
        entry({ type: "note.created", actor_type: "user", actor_id: "user_1", ip: "x".repeat(500), user_agent: "y".repeat(5000) }),
      ])
      const [[stored]] = await service.listAndCountActivities({ customer_id: "cus_1" })
      expect(stored).toMatchObject({ kind: "notes", type: "note.created", data: {} })
      expect(stored.ip).toHaveLength(64)
      expect(stored.user_agent).toHaveLength(512)
    })

    it("pages one customer's timeline newest first, filtered by kind, type and visibility", async () => {
      await service.recordActivities(
        Array.from({ length: 30 }, (_, i) =>
          entry({
            type: i % 3 === 0 ? "note.created" : "login.succeeded",
            customer_visible: i % 3 !== 0,
            occurred_at: new Date(NOW.getTime() - i * 60_000),
            source_key: `k${i}`,
          })
        )
      )
      await service.recordActivities([entry({ customer_id: "cus_2", source_key: "other" })])

      const [first, count] = await service.listAndCountActivities({ customer_id: "cus_1" }, { limit: 7 })
      const [second] = await service.listAndCountActivities({ customer_id: "cus_1" }, { limit: 7, offset: 7 })
      expect(count).toEqual(30)
      const times = [...first, ...second].map((row) => new Date(row.occurred_at).getTime())
      expect(times).toEqual([...times].sort((a, b) => b - a))
      expect(new Set([...first, ...second].map((row) => row.id)).size).toEqual(14)

      expect((await service.listAndCountActivities({ customer_id: "cus_1", kinds: ["notes"] }))[1]).toEqual(10)
      expect((await service.listAndCountActivities({ customer_id: "cus_1", customer_visible: true }))[1]).toEqual(20)
      expect(
        (await service.listAndCountActivities({ customer_id: "cus_1", types: ["login.succeeded"], since: new Date(NOW.getTime() - 10 * 60_000) }))[1]
      ).toEqual(7)
      expect(
        (await service.listAndCountActivities({ customer_id: "cus_1", types: ["login.succeeded"], exclude_source_key: "k1" }))[1]
      ).toEqual(19)
      // A page is at most 100 entries, whatever is asked.
      expect((await service.listAndCountActivities({ customer_id: "cus_1" }, { limit: 10_000 }))[0]).toHaveLength(30)
      await expect(service.listAndCountActivities({ customer_id: "" })).rejects.toThrow(/per customer/)
    })

    it("prunes exactly the entries past the retention, over several batches", async () => {
      const old = 12_345
      const rows = Array.from({ length: old }, (_, i) =>
        entry({ occurred_at: new Date(NOW.getTime() - 31 * DAY - i * 1000), source_key: `old${i}` })
      )
      for (let i = 0; i < rows.length; i += 2000) {
        await service.recordActivities(rows.slice(i, i + 2000))
      }
      await service.recordActivities([
        entry({ occurred_at: new Date(NOW.getTime() - 29 * DAY), source_key: "recent" }),
        entry({ occurred_at: NOW, source_key: "now" }),
      ])
      expect(await service.pruneExpired()).toEqual(old)
      const [left, count] = await service.listAndCountActivities({ customer_id: "cus_1" })
      expect(count).toEqual(2)
      expect(left.map((row) => new Date(row.occurred_at).getTime()).sort()).toEqual(
        [NOW.getTime() - 29 * DAY, NOW.getTime()].sort()
      )
      expect(await service.pruneExpired()).toEqual(0)
    })
  },
})
