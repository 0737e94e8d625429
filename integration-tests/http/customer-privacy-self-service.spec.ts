import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdmin, createPublishableKey, registerCustomer, send } from "./helpers/auth"
import { eventually } from "./helpers/events"
import { findPersonalData } from "./helpers/personal-data"

jest.setTimeout(180 * 1000)

// Customers erase their own accounts, and orders are redacted too.
process.env.CAM_PLUGIN_OPTIONS = JSON.stringify({ anonymize: { selfService: true, orders: "redact" } })
afterAll(() => {
  delete process.env.CAM_PLUGIN_OPTIONS
})

const PASSWORD = "a long and unusual passphrase 42"
const EMAIL = "qwertzuline.vompf@example.com"
const NAMES = ["Qwertzuline", "Vompfhausen"]
const STREET = "Vompfweg 12"
const PHONE = "+49 555 771133"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer

    beforeEach(() => {
      container = getContainer()
    })

    it("lets the customer anonymize their own account with the password, redacting orders: the person is in no table", async () => {
      const pk = await createPublishableKey(container)
      const admin = await createAdmin(api, container)
      const person = await registerCustomer(api, pk, { email: EMAIL, password: PASSWORD, first_name: NAMES[0], last_name: NAMES[1] })
      await api.post("/store/customers/me", { phone: PHONE }, person)
      const order = await container.resolve(Modules.ORDER).createOrders({
        currency_code: "eur",
        customer_id: person.customer.id,
        email: EMAIL,
        items: [{ title: "Thing", quantity: 1, unit_price: 25 }],
        shipping_address: { first_name: NAMES[0], last_name: NAMES[1], address_1: STREET, phone: PHONE },
        billing_address: { first_name: NAMES[0], last_name: NAMES[1], address_1: STREET, phone: PHONE },
      })
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const needles = [EMAIL, ...NAMES, STREET, PHONE]
      expect(await findPersonalData(knex, needles)).not.toEqual([])

      expect((await send(api.post("/store/customers/me/anonymize", { password: "wrong" }, person))).status).toEqual(401)
      const done = await api.post("/store/customers/me/anonymize", { password: PASSWORD }, person)
      expect([done.status, done.data]).toEqual([200, { anonymization: { status: "anonymized", anonymized_at: expect.any(String) } }])

      expect(await findPersonalData(knex, needles)).toEqual([])
      const [kept] = await container.resolve(Modules.ORDER).listOrders({ id: order.id })
      expect(kept).toMatchObject({ id: order.id, customer_id: person.customer.id, email: `anonymized+${person.customer.id.toLowerCase()}@anonymized.invalid` })
      expect((await send(api.post("/auth/customer/emailpass", { email: EMAIL, password: PASSWORD }))).status).toEqual(401)
      const entry = await eventually(async () => {
        const { data } = await api.get(`/admin/customers/${person.customer.id}/activity?limit=100`, admin)
        return data.activities.find((found: { type: string }) => found.type === "account.anonymized")
      })
      expect(entry.actor).toMatchObject({ type: "customer", id: person.customer.id })
    })
  },
})
