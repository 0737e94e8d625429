import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNT_ACTIVITY_MODULE } from "../../../modules/account-activity"
import type AccountActivityModuleService from "../../../modules/account-activity/service"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import { CUSTOMER_NOTE_MODULE } from "../../../modules/customer-note"
import type CustomerNoteModuleService from "../../../modules/customer-note/service"
import { CUSTOMER_PREFERENCE_MODULE } from "../../../modules/customer-preference"
import type CustomerPreferenceModuleService from "../../../modules/customer-preference/service"
import { identitiesOfActor, normalizeIdentifier } from "../../../lib/identity/auth-identity"
import { anonymousEmail } from "../../../lib/privacy/privacy-state"

export type EraseCustomerInput = { customer_id: string; orders: "keep" | "redact" }

type Deletable = { deleteNotifications(ids: string[]): Promise<void> }

/**
 * The addresses that are the person's own: their logins' `entity_id`s, exactly
 * and canonically (rate-limit counters count the canonical form). Never the
 * customer's or an order's e-mail as typed: a look-alike customer may carry
 * another person's address there (issue 21).
 */
function ownAddressesOf(logins: string[]) {
  return [...new Set(logins.flatMap((value) => [value, normalizeIdentifier(value)]))]
}

export const eraseCustomerStepId = "cam-erase-customer"

/**
 * The point of no return: erases the person, everywhere the shop keeps
 * them, and keeps what accounting and the shop's statistics need.
 *
 * - Medusa's customer: e-mail becomes `anonymized+<id>@anonymized.invalid`,
 *   names, phone, company and metadata are emptied; addresses are deleted.
 * - Logins: the auth identities are deleted (Medusa cascades their
 *   provider identities, verifications, reset tokens, MFA factors and
 *   recovery codes): no password, reset or verification works any more.
 * - The plugin: notes and preferences deleted; attempts keep outcome and
 *   time without identifier, IP or browser; lock rows, counters and password
 *   history deleted; activity entries keep what happened, not IP, browser or
 *   details.
 * - Notifications to the person (or about the customer) are deleted.
 * - Orders stay; with `orders: "redact"` their e-mail and addresses too.
 *
 * Not compensable (deleted is deleted); every part is idempotent, so a run
 * that failed half-way is finished by running it again.
 */
export const eraseCustomerStep = createStep(eraseCustomerStepId, async (input: EraseCustomerInput, { container }) => {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [customer] = await customerModule.listCustomers({ id: input.customer_id }, { select: ["id", "email"], relations: ["addresses"] })
  const identities = await identitiesOfActor(container, { customer_id: input.customer_id }, { withLogins: true })
  const logins = identities.flatMap((identity) => (identity.provider_identities ?? []).map((login) => login.entity_id))
  // Every address the identities asked to verify, a pending change's new
  // address included: rate-limit counters are kept per address.
  const verified = identities.length
    ? await container
        .resolve(Modules.AUTH)
        .listAuthVerifications({ auth_identity_id: identities.map((identity) => identity.id) as unknown as string }, { select: ["entity_id"] })
    : []
  const identifiers = ownAddressesOf([...logins, ...verified.map((row) => row.entity_id).filter(Boolean)])

  // The plugin's own data.
  const notes: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
  const noteIds = (await notes.listCustomerNotes({ customer_id: input.customer_id }, { select: ["id"] })).map((note) => note.id)
  if (noteIds.length) {
    await notes.deleteCustomerNotes(noteIds)
  }
  const preferences: CustomerPreferenceModuleService = container.resolve(CUSTOMER_PREFERENCE_MODULE)
  const preferenceIds = (await preferences.listCustomerPreferences({ customer_id: input.customer_id }, { select: ["id"] })).map(
    (preference) => preference.id
  )
  if (preferenceIds.length) {
    await preferences.deleteCustomerPreferences(preferenceIds)
  }
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  await security.personalData.erase({
    customer_id: input.customer_id,
    identifiers,
    auth_identity_ids: identities.map((identity) => identity.id),
  })
  const activity: AccountActivityModuleService = container.resolve(ACCOUNT_ACTIVITY_MODULE)
  await activity.eraseCustomerDetails(input.customer_id)

  // Notifications that name the person.
  const notificationModule = container.resolve(Modules.NOTIFICATION)
  const notifications = [
    ...(await notificationModule.listNotifications({ resource_id: input.customer_id }, { select: ["id"] })),
    // Sent to the logins' own addresses exactly as they are spelled (a look-alike's canonical form is another's).
    ...(logins.length ? await notificationModule.listNotifications({ to: logins as unknown as string }, { select: ["id"] }) : []),
  ]
  if (notifications.length) {
    await (notificationModule as unknown as Deletable).deleteNotifications([...new Set(notifications.map((row) => row.id))])
  }

  // Logins, with everything Medusa hangs on them.
  if (identities.length) {
    await container.resolve(Modules.AUTH).deleteAuthIdentities(identities.map((identity) => identity.id))
  }

  if (input.orders === "redact") {
    const orderModule = container.resolve(Modules.ORDER)
    const orders = await orderModule.listOrders(
      { customer_id: input.customer_id },
      { select: ["id", "shipping_address_id", "billing_address_id"] } as never
    )
    for (const order of orders as unknown as { id: string; shipping_address_id?: string | null; billing_address_id?: string | null }[]) {
      await orderModule.updateOrders(order.id, { email: anonymousEmail(input.customer_id) })
      const addressIds = [order.shipping_address_id, order.billing_address_id].filter((id): id is string => !!id)
      for (const id of addressIds) {
        await orderModule.updateOrderAddresses({
          id,
          first_name: null,
          last_name: null,
          company: null,
          address_1: null,
          address_2: null,
          phone: null,
          metadata: null,
        } as never)
      }
    }
  }

  // Medusa's customer last: once it reads anonymized, everything else is gone.
  if (customer) {
    const addressIds = (customer.addresses ?? []).map((address) => address.id)
    if (addressIds.length) {
      await customerModule.deleteCustomerAddresses(addressIds)
    }
    await customerModule.updateCustomers(customer.id, {
      email: anonymousEmail(customer.id),
      first_name: null,
      last_name: null,
      phone: null,
      company_name: null,
      metadata: null,
    })
  }
  return new StepResponse({ identities: identities.length, notes: noteIds.length, notifications: notifications.length })
})
