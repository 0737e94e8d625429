import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_PREFERENCE_MODULE } from "../../src/modules/customer-preference"
import type CustomerPreferenceModuleService from "../../src/modules/customer-preference/service"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  send,
  type TestAdmin,
  type TestCustomer,
} from "./helpers/auth"
import { eventually } from "./helpers/events"

jest.setTimeout(120 * 1000)

const PASSWORD = "a long and unusual passphrase 42"
const ADDRESS = { first_name: "Jane", last_name: "Doe", address_1: "Main St 1", city: "Berlin", country_code: "de", postal_code: "10115" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let pk: Record<string, string>
    let admin: TestAdmin
    let jane: TestCustomer
    let bob: TestCustomer
    let janeAddresses: string[]
    let bobAddress: string
    let expressOption: string
    let returnOption: string

    const prefsUrl = "/store/customers/me/preferences"
    const storedRows = async () =>
      (await container.resolve<CustomerPreferenceModuleService>(CUSTOMER_PREFERENCE_MODULE)
        .listCustomerPreferences({}, { withDeleted: true }))
    const addressFlags = async (customer: TestCustomer) => {
      const { data } = await api.get("/store/customers/me/addresses", customer)
      return Object.fromEntries(
        data.addresses.map((a: { id: string; is_default_shipping: boolean; is_default_billing: boolean }) => [
          a.id,
          [a.is_default_shipping, a.is_default_billing],
        ])
      )
    }
    const addAddress = async (customer: TestCustomer, name: string) =>
      (await api.post("/store/customers/me/addresses", { ...ADDRESS, address_name: name }, customer))
        .data.customer.addresses.find((a: { address_name: string }) => a.address_name === name).id

    beforeEach(async () => {
      container = getContainer()
      const storeModule = container.resolve(Modules.STORE)
      const [store] = await storeModule.listStores()
      const locales = [{ locale_code: "en-US" }, { locale_code: "de-DE" }]
      if (store) {
        await storeModule.updateStores(store.id, { supported_locales: locales })
      } else {
        await storeModule.createStores({ name: "Test Store", supported_locales: locales })
      }

      const fulfillment = container.resolve(Modules.FULFILLMENT)
      const profile = await fulfillment.createShippingProfiles({ name: "Default", type: "default" })
      const set = await fulfillment.createFulfillmentSets({
        name: "Warehouse",
        type: "shipping",
        service_zones: [{ name: "DE", geo_zones: [{ type: "country", country_code: "de" }] }],
      })
      const option = (name: string, isReturn: boolean) =>
        fulfillment.createShippingOptions({
          name,
          price_type: "flat",
          service_zone_id: set.service_zones[0].id,
          shipping_profile_id: profile.id,
          provider_id: "manual_manual",
          type: { label: name, description: name, code: name.toLowerCase() },
          rules: [{ attribute: "is_return", operator: "eq", value: isReturn ? "true" : "false" }],
        })
      expressOption = (await option("Express", false)).id
      returnOption = (await option("Returns", true)).id

      pk = await createPublishableKey(container)
      admin = await createAdmin(api, container)
      jane = await registerCustomer(api, pk, { email: "jane@example.com", password: PASSWORD })
      bob = await registerCustomer(api, pk, { email: "bob@example.com", password: PASSWORD, first_name: "Bob" })
      janeAddresses = [await addAddress(jane, "Home"), await addAddress(jane, "Office")]
      bobAddress = await addAddress(bob, "Bob's")
    })

    describe("store: /store/customers/me/preferences", () => {
      it("answers defaults before anything is stored", async () => {
        const { data } = await api.get(prefsUrl, jane)
        expect(data.preferences).toEqual({
          customer_id: jane.customer.id,
          locale: null,
          preferred_shipping_option_id: null,
          default_shipping_address_id: null,
          default_billing_address_id: null,
          communication: {
            email_marketing: false,
            email_marketing_updated_at: null,
            sms_marketing: false,
            sms_marketing_updated_at: null,
          },
          created_at: null,
          updated_at: null,
        })
      })

      it("updates partially and records when each consent changed", async () => {
        const first = await api.post(
          prefsUrl,
          { locale: "de-de", communication: { email_marketing: true } },
          jane
        )
        expect(first.data.preferences).toEqual(
          expect.objectContaining({
            locale: "de-DE",
            communication: {
              email_marketing: true,
              email_marketing_updated_at: expect.any(String),
              sms_marketing: false,
              sms_marketing_updated_at: null,
            },
          })
        )
        const consentAt = first.data.preferences.communication.email_marketing_updated_at

        const same = await api.post(
          prefsUrl,
          { preferred_shipping_option_id: expressOption, communication: { email_marketing: true } },
          jane
        )
        expect(same.data.preferences.locale).toEqual("de-DE")
        expect(same.data.preferences.preferred_shipping_option_id).toEqual(expressOption)
        expect(same.data.preferences.communication.email_marketing_updated_at).toEqual(consentAt)

        const optOut = await api.post(prefsUrl, { communication: { email_marketing: false } }, jane)
        expect(optOut.data.preferences.communication.email_marketing).toEqual(false)
        expect(
          Date.parse(optOut.data.preferences.communication.email_marketing_updated_at)
        ).toBeGreaterThan(Date.parse(consentAt))

        const cleared = await api.post(prefsUrl, { locale: null }, jane)
        expect(cleared.data.preferences.locale).toBeNull()
        expect(cleared.data.preferences.preferred_shipping_option_id).toEqual(expressOption)
      })

      it("keeps default addresses in Medusa's own address flags", async () => {
        const [home, office] = janeAddresses
        await api.post(prefsUrl, { default_shipping_address_id: home, default_billing_address_id: office }, jane)
        expect(await addressFlags(jane)).toEqual({ [home]: [true, false], [office]: [false, true] })

        const moved = await api.post(prefsUrl, { default_shipping_address_id: office }, jane)
        expect(moved.data.preferences).toEqual(
          expect.objectContaining({ default_shipping_address_id: office, default_billing_address_id: office })
        )
        expect(await addressFlags(jane)).toEqual({ [home]: [false, false], [office]: [true, true] })

        // A default set through Medusa's own address API shows up here too.
        await api.post(`/store/customers/me/addresses/${home}`, { is_default_billing: true }, jane)
        const { data } = await api.get(prefsUrl, jane)
        expect(data.preferences.default_billing_address_id).toEqual(home)

        const none = await api.post(prefsUrl, { default_shipping_address_id: null }, jane)
        expect(none.data.preferences.default_shipping_address_id).toBeNull()
        expect(Object.values(await addressFlags(jane)).map(([shipping]) => shipping)).toEqual([false, false])
      })

      it("expands the preferred shipping option for checkouts", async () => {
        await api.post(prefsUrl, { preferred_shipping_option_id: expressOption }, jane)
        const { data } = await api.get(`${prefsUrl}?fields=*shipping_option`, jane)
        expect(data.preferences.shipping_option).toEqual({
          id: expressOption,
          name: "Express",
          price_type: "flat",
        })
        const plain = await api.get(prefsUrl, jane)
        expect(plain.data.preferences).not.toHaveProperty("shipping_option")
      })

      it("takes any real language when the store lists none, and refuses a tag that names none", async () => {
        const storeModule = container.resolve(Modules.STORE)
        const [store] = await storeModule.listStores()
        await storeModule.updateStores(store.id, { supported_locales: [] })
        const refused = await send(api.post(prefsUrl, { locale: "german" }, jane))
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toEqual('locale: "german" names no language Medusa knows; use a tag such as "de-DE" or "en"')
        expect(await storedRows()).toHaveLength(0)
        const accepted = await send(api.post(prefsUrl, { locale: "de-at" }, jane))
        expect(accepted.status).toEqual(200)
        expect(accepted.data.preferences.locale).toEqual("de-AT")
      })

      it.each([
        ["an unsupported locale", () => ({ locale: "fr-FR" }), "locale: \"fr-FR\" is not one of the store's locales (en-US, de-DE)"],
        ["a malformed locale", () => ({ locale: "en_US!!" }), "locale: \"en_US!!\" is not a well-formed BCP 47 language tag"],
        ["an unknown shipping option", () => ({ preferred_shipping_option_id: "so_missing" }), "preferred_shipping_option_id: shipping option so_missing does not exist"],
        ["a return shipping option", () => ({ preferred_shipping_option_id: returnOption }), "is a return option"],
        ["another customer's address", () => ({ default_shipping_address_id: bobAddress }), "default_shipping_address_id: address"],
        ["an unknown address", () => ({ default_billing_address_id: "cuaddr_missing" }), "default_billing_address_id: address cuaddr_missing is not an address of this customer"],
        ["an unknown field", () => ({ locale: "de-DE", theme: "dark" }), "theme"],
        ["a non-boolean consent", () => ({ communication: { email_marketing: "yes" } }), "email_marketing"],
      ])("refuses %s with 400 naming the field, writing nothing", async (_, body, message) => {
        const before = await addressFlags(jane)
        const response = await send(
          api.post(prefsUrl, { ...body(), communication: { sms_marketing: true, ...(body() as { communication?: object }).communication } }, jane)
        )
        expect(response.status).toEqual(400)
        expect(response.data.type).toEqual("invalid_data")
        expect(response.data.message).toContain(message)
        expect(await storedRows()).toHaveLength(0)
        expect(await addressFlags(jane)).toEqual(before)
      })

      it("refuses a deleted address", async () => {
        const [home] = janeAddresses
        await api.delete(`/store/customers/me/addresses/${home}`, jane)
        const response = await send(api.post(prefsUrl, { default_shipping_address_id: home }, jane))
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain("default_shipping_address_id")
      })

      it("keeps each customer to their own preferences", async () => {
        await api.post(prefsUrl, { locale: "de-DE" }, jane)
        const bobs = await api.get(prefsUrl, bob)
        expect(bobs.data.preferences.customer_id).toEqual(bob.customer.id)
        expect(bobs.data.preferences.locale).toBeNull()
        await api.post(prefsUrl, { locale: "en-US" }, bob)
        expect((await api.get(prefsUrl, jane)).data.preferences.locale).toEqual("de-DE")

        for (const request of [
          () => api.get(prefsUrl, { headers: pk }),
          () => api.post(prefsUrl, { locale: "en-US" }, { headers: pk }),
          () => api.get(`/admin/customers/${jane.customer.id}/preferences`, bob),
          () => api.post(`/admin/customers/${jane.customer.id}/preferences`, { locale: "en-US" }, bob),
        ]) {
          expect((await send(request())).status).toEqual(401)
        }
        expect((await api.get(prefsUrl, jane)).data.preferences.locale).toEqual("de-DE")
      })

      it("refuses fields other than *shipping_option", async () => {
        const response = await send(api.get(`${prefsUrl}?fields=*customer`, jane))
        expect(response.status).toEqual(400)
      })
    })

    describe("admin", () => {
      const adminUrl = (id: string) => `/admin/customers/${id}/preferences`

      it("reads and writes any customer's preferences", async () => {
        const response = await api.post(
          `${adminUrl(jane.customer.id)}?fields=*shipping_option`,
          { locale: "en-US", preferred_shipping_option_id: expressOption, default_billing_address_id: janeAddresses[1] },
          admin
        )
        expect(response.data.preferences).toEqual(
          expect.objectContaining({
            customer_id: jane.customer.id,
            locale: "en-US",
            default_billing_address_id: janeAddresses[1],
            shipping_option: expect.objectContaining({ name: "Express" }),
          })
        )
        const store = await api.get(prefsUrl, jane)
        expect(store.data.preferences.locale).toEqual("en-US")
      })

      it("answers 404 for unknown customers and 400 for bad input", async () => {
        expect((await send(api.get(adminUrl("cus_missing"), admin))).status).toEqual(404)
        expect((await send(api.post(adminUrl("cus_missing"), { locale: "en-US" }, admin))).status).toEqual(404)
        const bad = await send(api.post(adminUrl(jane.customer.id), { default_shipping_address_id: bobAddress }, admin))
        expect(bad.status).toEqual(400)
        expect(await storedRows()).toHaveLength(0)
      })

      it("accepts additional_data.preferences on Medusa's customer routes", async () => {
        const created = await api.post(
          "/admin/customers",
          { email: "new@example.com", additional_data: { preferences: { locale: "de-DE", communication: { sms_marketing: true } } } },
          admin
        )
        const id = created.data.customer.id
        const { data } = await api.get(adminUrl(id), admin)
        expect(data.preferences.locale).toEqual("de-DE")
        expect(data.preferences.communication.sms_marketing).toEqual(true)

        await api.post(`/admin/customers/${id}`, { additional_data: { preferences: { locale: "en-US" } } }, admin)
        expect((await api.get(adminUrl(id), admin)).data.preferences.locale).toEqual("en-US")

        const refused = await send(
          api.post(
            "/admin/customers",
            { email: "refused@example.com", additional_data: { preferences: { locale: "xx-XX" } } },
            admin
          )
        )
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toContain("locale")
        const customers = await container.resolve(Modules.CUSTOMER).listCustomers({ email: "refused@example.com" })
        expect(customers).toHaveLength(0)

        const unknownField = await send(
          api.post(`/admin/customers/${id}`, { additional_data: { preferences: { colour: "red" } } }, admin)
        )
        expect(unknownField.status).toEqual(400)
        expect((await api.get(adminUrl(id), admin)).data.preferences.locale).toEqual("en-US")
      })

      it("deletes a customer's preferences with the customer", async () => {
        const created = await api.post(
          "/admin/customers",
          { email: "gone@example.com", additional_data: { preferences: { locale: "de-DE" } } },
          admin
        )
        const id = created.data.customer.id
        await api.delete(`/admin/customers/${id}`, admin)
        const service = container.resolve<CustomerPreferenceModuleService>(CUSTOMER_PREFERENCE_MODULE)
        expect(await service.listCustomerPreferences({ customer_id: id })).toHaveLength(0)
      })
    })

    describe("acting on preferences", () => {
      it("gives a logged-in customer's new cart their locale unless the request sets one", async () => {
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const salesChannel = await container
          .resolve(Modules.SALES_CHANNEL)
          .createSalesChannels({ name: "Web" })
        const {
          data: [key],
        } = await query.graph({
          entity: "api_key",
          fields: ["id"],
          filters: { token: pk["x-publishable-api-key"] },
        })
        await container.resolve(ContainerRegistrationKeys.LINK).create({
          [Modules.API_KEY]: { publishable_key_id: key.id },
          [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannel.id },
        })
        const region = await api.post("/admin/regions", { name: "EU", currency_code: "eur" }, admin)
        const regionId = region.data.region.id

        await api.post(prefsUrl, { locale: "de-DE" }, jane)
        const preferred = await api.post("/store/carts", { region_id: regionId }, jane)
        expect(preferred.data.cart.locale).toEqual("de-DE")
        const explicit = await api.post("/store/carts", { region_id: regionId, locale: "en-US" }, jane)
        expect(explicit.data.cart.locale).toEqual("en-US")
        const anonymous = await api.post("/store/carts", { region_id: regionId }, { headers: pk })
        expect(anonymous.data.cart.locale ?? null).toBeNull()
      })

      it("passes the customer's locale, or the store's, to reset e-mails", async () => {
        await api.post(prefsUrl, { locale: "de-DE" }, jane)
        const notifications = container.resolve(Modules.NOTIFICATION)
        for (const [email, locale] of [
          [jane.email, "de-DE"],
          [bob.email, "en-US"],
        ]) {
          await api.post("/auth/customer/emailpass/reset-password", { identifier: email })
          const [mail] = await eventually(async () => {
            const list = await notifications.listNotifications({ to: email, template: "customer-password-reset" })
            return list.length ? list : undefined
          })
          expect(mail.data?.locale).toEqual(locale)
        }
      })
    })
  },
})
