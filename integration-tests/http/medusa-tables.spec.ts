import { createHash } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  authTablesPresent,
  claimHolderOf,
  deleteStaleClaims,
  emailpassLookalikes,
  identityIdOfAddress,
  isAddressTakenByAnother,
  isResetTokenHashLive,
  MEDUSA_COLUMNS,
  orderFactsOf,
} from "../../src/lib/medusa-tables"
import { identitiesOfActor } from "../../src/lib/identity/auth-identity"
import { createAdmin, createPublishableKey, registerCustomer } from "./helpers/auth"

jest.setTimeout(60 * 1000)

/**
 * The plugin's SQL on Medusa's tables (src/lib/medusa-tables) against the
 * schema Medusa's migrations really make: a Medusa upgrade that renames or
 * drops a column the plugin relies on fails here, naming it, before any
 * route answers 500.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let pg: Knex

    beforeEach(() => {
      container = getContainer()
      pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    })

    describe("Medusa's schema", () => {
      it("has every table and column declared in MEDUSA_COLUMNS", async () => {
        const { rows } = await pg.raw<{ rows: { table_name: string; column_name: string }[] }>(
          `select table_name, column_name from information_schema.columns
           where table_schema = current_schema() and table_name = any(:tables)`,
          { tables: Object.keys(MEDUSA_COLUMNS) }
        )
        const present = new Set(rows.map((row) => `${row.table_name}.${row.column_name}`))
        const missing = Object.entries(MEDUSA_COLUMNS).flatMap(([table, columns]) =>
          columns.map((column) => `${table}.${column}`).filter((name) => !present.has(name))
        )
        if (missing.length) {
          throw new Error(
            `Medusa's schema no longer has ${missing.join(", ")}: update src/lib/medusa-tables (MEDUSA_COLUMNS and the statements that use them)`
          )
        }
        expect(missing).toEqual([])
      })
    })

    describe("the statements, run on a migrated database", () => {
      it("find identities and claims by address, and nothing for an unknown one", async () => {
        const pk = await createPublishableKey(container)
        const jane = await registerCustomer(api, pk, { email: "jane@example.com" })
        const [identity] = await identitiesOfActor(container, { customer_id: jane.customer.id })

        expect(await authTablesPresent(pg)).toBe(true)
        expect(await identityIdOfAddress(pg, "jane@example.com", "jane@example.com")).toEqual(identity.id)
        expect(await identityIdOfAddress(pg, "JANE@example.com", "jane@example.com")).toEqual(identity.id)
        expect(await identityIdOfAddress(pg, "nobody@example.com", "nobody@example.com")).toBeNull()
        expect(await claimHolderOf(pg, "jane@example.com")).toEqual({
          auth_identity_id: identity.id,
          app_metadata: { customer_id: jane.customer.id },
        })
        expect(await claimHolderOf(pg, "nobody@example.com")).toBeNull()
        const taken = { canonical: "jane@example.com", pending_seconds: 300 }
        expect(await isAddressTakenByAnother(pg, { ...taken, entity_id: "JANE@example.com" })).toBe(true)
        expect(await isAddressTakenByAnother(pg, { ...taken, entity_id: "jane@example.com" })).toBe(false)
        expect(await emailpassLookalikes(pg)).toEqual([])
      })

      it("leave a live claim alone when deleting stale ones (in the caller's transaction)", async () => {
        const pk = await createPublishableKey(container)
        await registerCustomer(api, pk, { email: "kim@example.com" })
        await pg.transaction(async (trx) => {
          await deleteStaleClaims(trx, { canonical: "kim@example.com", pending_seconds: 300 })
          await deleteStaleClaims(trx, { canonical: "kim@example.com", pending_seconds: 300, before_move: true })
        })
        expect(await claimHolderOf(pg, "kim@example.com")).toEqual(expect.objectContaining({ app_metadata: expect.any(Object) }))
      })

      it("tell a live reset token from a spent or unknown one", async () => {
        const pk = await createPublishableKey(container)
        await registerCustomer(api, pk, { email: "lee@example.com" })
        const auth = container.resolve(Modules.AUTH)
        const { jti } = await auth.createPasswordResetToken({ provider: "emailpass", entity_id: "lee@example.com" })
        const live = (value: string, entity_id = "lee@example.com") =>
          isResetTokenHashLive(pg, { token_hash: createHash("sha256").update(value).digest("hex"), entity_id, now: new Date() })

        expect(await live(jti)).toBe(true)
        expect(await live(jti, "other@example.com")).toBe(false)
        expect(await live("not-a-token")).toBe(false)
        await auth.consumePasswordResetToken({ jti, provider: "emailpass", entity_id: "lee@example.com" })
        expect(await live(jti)).toBe(false)
      })

      it("aggregate no orders for customers without any", async () => {
        expect(await orderFactsOf(pg, ["cus_none"])).toEqual(new Map())
        expect(await orderFactsOf(pg, [])).toEqual(new Map())
      })
    })

    describe("identitiesOfActor (Medusa's auth module filtering app_metadata)", () => {
      it("returns the account's own identities only, with their logins when asked", async () => {
        const pk = await createPublishableKey(container)
        const jane = await registerCustomer(api, pk, { email: "jane@example.com" })
        const john = await registerCustomer(api, pk, { email: "john@example.com" })
        const admin = await createAdmin(api, container)

        const janes = await identitiesOfActor(container, { customer_id: jane.customer.id }, { withLogins: true })
        expect(janes.map((identity) => identity.provider_identities?.map((login) => login.entity_id))).toEqual([["jane@example.com"]])
        expect((await identitiesOfActor(container, { customer_id: john.customer.id })).map((identity) => identity.id)).not.toContain(
          janes[0].id
        )
        expect(await identitiesOfActor(container, { customer_id: "cus_unknown" })).toEqual([])
        expect(await identitiesOfActor(container, { user_id: admin.user.id })).toHaveLength(1)
        expect(await identitiesOfActor(container, { user_id: jane.customer.id })).toEqual([])
      })
    })
  },
})
