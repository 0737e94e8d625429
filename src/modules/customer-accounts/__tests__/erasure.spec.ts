import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_ACCOUNTS_MODULE } from ".."
import { ERASURE_CLAIM_TTL_MS } from "../repositories/erasure"
import type CustomerAccountsModuleService from "../service"

jest.setTimeout(60 * 1000)

const at = (iso: string) => new Date(iso)

/*
 * A customer's erasure as a state machine, each change one statement:
 * requested -> erasing (claimed by one run) -> completed; a failed run
 * releases its claim and leaves erasing; a completion can be taken back.
 */
moduleIntegrationTestRunner<CustomerAccountsModuleService>({
  moduleName: CUSTOMER_ACCOUNTS_MODULE,
  resolve: "./src/modules/customer-accounts",
  testSuite: ({ service }) => {
    describe("erasure", () => {
      it("records one request however many arrive at once", async () => {
        const answers = await Promise.all([1, 2, 3, 4].map(() => service.erasure.request("cus_1", at("2026-11-30T10:00:00Z"))))
        expect(answers.filter((answer) => answer.created)).toHaveLength(1)
        expect(new Set(answers.map((answer) => answer.record.id)).size).toEqual(1)
        expect(answers[0].record).toMatchObject({ status: "requested", requested_at: at("2026-11-30T10:00:00Z") })
      })

      it("lets exactly one of several runs claim it, and none once it is completed", async () => {
        await service.erasure.request("cus_1", at("2026-11-30T10:00:00Z"))
        const claims = await Promise.all([1, 2, 3, 4].map(() => service.erasure.claim("cus_1", "user_1", at("2026-11-30T11:00:00Z"))))
        expect(claims.filter((claim) => claim.claimed)).toHaveLength(1)
        expect(claims.filter((claim) => !claim.claimed).map((claim) => !claim.claimed && claim.record.status)).toEqual(["erasing", "erasing", "erasing"])
        expect(await service.erasure.find("cus_1")).toMatchObject({
          status: "erasing",
          requested_at: at("2026-11-30T10:00:00Z"),
          erasure_started_at: at("2026-11-30T11:00:00Z"),
          claimed_at: at("2026-11-30T11:00:00Z"),
        })

        expect(await service.erasure.complete("cus_1", at("2026-11-30T11:01:00Z"))).toEqual({
          completed_at: at("2026-11-30T11:01:00Z"),
          by_this_call: true,
        })
        const late = await service.erasure.claim("cus_1", "user_2", at("2026-11-30T12:00:00Z"))
        expect(late).toMatchObject({ claimed: false, record: { status: "completed", claimed_at: null } })
      })

      it("leaves a released erasure erasing, claimable again, keeping when it first started", async () => {
        const first = await service.erasure.claim("cus_1", null, at("2026-11-30T11:00:00Z"))
        expect(first.claimed).toEqual(true)
        await service.erasure.release("cus_1", at("2026-11-30T11:00:00Z"))
        expect(await service.erasure.find("cus_1")).toMatchObject({ status: "erasing", claimed_at: null })

        const second = await service.erasure.claim("cus_1", "user_1", at("2026-11-30T11:05:00Z"))
        expect(second).toEqual({ claimed: true, claimed_at: at("2026-11-30T11:05:00Z") })
        // A release of the first claim does not free the second one's.
        await service.erasure.release("cus_1", at("2026-11-30T11:00:00Z"))
        expect(await service.erasure.find("cus_1")).toMatchObject({
          erasure_started_at: at("2026-11-30T11:00:00Z"),
          claimed_at: at("2026-11-30T11:05:00Z"),
        })
      })

      it("lets a run take over a claim held longer than the TTL (a run that died)", async () => {
        const start = at("2026-11-30T11:00:00Z")
        await service.erasure.claim("cus_1", null, start)
        const early = await service.erasure.claim("cus_1", null, new Date(start.getTime() + ERASURE_CLAIM_TTL_MS - 1000))
        expect(early.claimed).toEqual(false)
        const late = await service.erasure.claim("cus_1", null, new Date(start.getTime() + ERASURE_CLAIM_TTL_MS))
        expect(late.claimed).toEqual(true)
      })

      it("keeps the first completion's time, and takes back only its own completion", async () => {
        await service.erasure.claim("cus_1", null, at("2026-11-30T11:00:00Z"))
        const first = await service.erasure.complete("cus_1", at("2026-11-30T11:01:00Z"))
        const second = await service.erasure.complete("cus_1", at("2026-11-30T11:02:00Z"))
        expect(second).toEqual({ completed_at: first.completed_at, by_this_call: false })

        await service.erasure.reopen("cus_1", at("2026-11-30T11:02:00Z"))
        expect((await service.erasure.find("cus_1"))?.status).toEqual("completed")
        await service.erasure.reopen("cus_1", first.completed_at)
        expect(await service.erasure.find("cus_1")).toMatchObject({ status: "erasing", completed_at: null, claimed_at: null })
        expect((await service.erasure.claim("cus_1", null, at("2026-11-30T11:03:00Z"))).claimed).toEqual(true)
      })

      it("refuses to complete an erasure nobody started", async () => {
        await service.erasure.request("cus_1", at("2026-11-30T10:00:00Z"))
        await expect(service.erasure.complete("cus_1", at("2026-11-30T11:00:00Z"))).rejects.toThrow("No erasure of customer cus_1 to complete")
        await expect(service.erasure.complete("cus_2", at("2026-11-30T11:00:00Z"))).rejects.toThrow("No erasure of customer cus_2 to complete")
      })
    })
  },
})
