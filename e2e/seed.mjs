// @ts-check
// Seeds what the widgets show, through Medusa's HTTP API only, as a
// storefront and an admin would. On a fresh database the names are plain (they
// end up in docs/screenshots); against an app that has seen earlier runs they
// carry a run id, so e-mails, group names and rule domains stay unique.

import { expect } from "./lib/checks.mjs"
import { totpCode } from "./lib/totp.mjs"

/**
 * @typedef {import("./lib/api.mjs").Api} Api
 * @typedef {import("../src/types/customer-note").AdminCustomerNote} AdminCustomerNote
 * @typedef {{ id: string, label: string }} SeededAddress
 * @typedef {{
 *   runId: string,
 *   unique: (name: string, separator?: string) => string,
 *   storefront: Record<string, string>,
 *   publishableKey: string,
 *   customer: { id: string, email: string, password: string, firstName: string, lastName: string },
 *   notes: { pinned: AdminCustomerNote, plain: AdminCustomerNote },
 *   addresses: { home: SeededAddress, office: SeededAddress },
 *   groups: {
 *     manual: { id: string, name: string },
 *     automatic: { id: string, name: string, matchingDomain: string, otherDomain: string },
 *   },
 *   failedLogins: { statuses: number[] },
 *   blockedIp: BlockedIp,
 *   lockedUser: LockedUser,
 *   mfaCustomer: MfaCustomer,
 * }} Seed
 * @typedef {{ id: string, email: string, password: string, statuses: number[] }} LockedUser
 * @typedef {{ ip: string, statuses: number[], customerStatus: number }} BlockedIp
 * @typedef {{
 *   id: string,
 *   email: string,
 *   password: string,
 *   headers: Record<string, string>,
 *   secret: string,
 *   factor: { id: string, label: string },
 * }} MfaCustomer
 */

/** Passes the dev app's password policy (length, score, no personal data). */
const CUSTOMER_PASSWORD = "violet tractor whispers at noon 7"

/**
 * Headers of the storefront's login calls: a browser's user agent and, as a
 * proxy in front of Medusa adds it, the shopper's IP (a documentation
 * address); the attempts table shows both.
 */
const STOREFRONT = {
  "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "x-forwarded-for": "203.0.113.24",
}

/**
 * The IP the seed gets blocked by the per-IP limit: another documentation
 * address, as an office's or a mobile carrier's shared address would be.
 */
export const BLOCKED_IP = "203.0.113.9"

/** @param {Api} api @returns {Promise<string>} the publishable key's token */
async function createPublishableKey(api) {
  const { api_key } = await api.adminPost("/admin/api-keys", { title: "E2E storefront", type: "publishable" })
  return api_key.token
}

/** The store offers English and German, so the preferences drawer has a language list. */
/** @param {Api} api */
async function setStoreLocales(api) {
  const { stores } = await api.adminGet("/admin/stores?fields=id")
  expect(stores.length > 0, "the app has no store")
  await api.adminPost(`/admin/stores/${stores[0].id}`, {
    supported_locales: [{ locale_code: "en-US" }, { locale_code: "de-DE" }],
  })
}

/**
 * A storefront sign-up: the identity, then the customer account (no login,
 * so no IP's failure count is touched).
 * @param {Api} api
 * @param {string} publishableKey
 * @param {{ email: string, firstName: string, lastName: string }} who
 * @returns {Promise<{ id: string }>}
 */
export async function createCustomerAccount(api, publishableKey, { email, firstName, lastName }) {
  const { token } = await api.expectOk("POST", "/auth/customer/emailpass/register", { email, password: CUSTOMER_PASSWORD })
  const { customer } = await api.expectOk(
    "POST",
    "/store/customers",
    { email, first_name: firstName, last_name: lastName },
    { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey }
  )
  return customer
}

/**
 * A storefront registration: identity, customer, then one successful login.
 * @param {Api} api
 * @param {string} publishableKey
 * @param {{ email: string, firstName: string, lastName: string }} who
 */
async function registerCustomer(api, publishableKey, who) {
  const customer = await createCustomerAccount(api, publishableKey, who)
  expect((await api.customerLogin(who.email, CUSTOMER_PASSWORD, STOREFRONT)) === 200, "the new customer could not log in")
  return customer
}

/**
 * @param {Api} api
 * @param {string} customerId
 * @param {{ address_name: string, address_1: string, city: string }} address
 * @returns {Promise<SeededAddress>}
 */
export async function createAddress(api, customerId, address) {
  const { customer } = await api.adminPost(`/admin/customers/${customerId}/addresses?fields=*addresses`, {
    ...address,
    first_name: "Erika",
    last_name: "Beispiel",
    postal_code: "10115",
    country_code: "de",
  })
  const created = customer.addresses.find(
    (/** @type {{ address_name: string }} */ candidate) => candidate.address_name === address.address_name
  )
  expect(created, `address "${address.address_name}" not returned`)
  return { id: created.id, label: address.address_name }
}

/**
 * Wrong passwords until the lockout refuses (429); the brief's app runs with
 * `lockout.maxAttempts: 3`, but any small limit works.
 * @param {Api} api
 * @param {string} email
 */
async function lockAccount(api, email) {
  const statuses = []
  for (let attempt = 0; attempt < 12; attempt++) {
    const status = await api.customerLogin(email, `not the password ${attempt}`, STOREFRONT)
    statuses.push(status)
    if (status === 429) break
    expect(status === 401, `wrong password answered ${status}`)
  }
  expect(statuses.at(-1) === 429, `no lock after ${statuses.length} wrong passwords: ${statuses}`)
  return { statuses }
}

/** A Back Office user's password, through the same policy. */
const USER_PASSWORD = "quiet harbour lantern drifting 19"
/** The address the colleague's failed sign-ins come from (not the storefront's). */
const OFFICE = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0", "x-forwarded-for": "198.51.100.77" }

/**
 * A second Back Office user, invited and signed up the way the dashboard does
 * it (invite, emailpass registration, accept), then locked out by wrong
 * passwords on the admin sign-in route.
 * @param {Api} api
 * @param {string} email
 * @returns {Promise<LockedUser>}
 */
async function lockedColleague(api, email) {
  const { invite } = await api.adminPost("/admin/invites", { email })
  const { token } = await api.expectOk("POST", "/auth/user/emailpass/register", { email, password: USER_PASSWORD })
  const { user } = await api.expectOk(
    "POST",
    `/admin/invites/accept?token=${encodeURIComponent(invite.token)}`,
    { first_name: "Max", last_name: "Kollege" },
    { authorization: `Bearer ${token}` }
  )
  const statuses = []
  for (let attempt = 0; attempt < 12; attempt++) {
    const { status } = await api.call("POST", "/auth/user/emailpass", { email, password: `not it ${attempt}` }, OFFICE)
    statuses.push(status)
    if (status === 429) break
    expect(status === 401, `wrong admin password answered ${status}`)
  }
  expect(statuses.at(-1) === 429, `no lock after ${statuses.length} wrong admin passwords: ${statuses}`)
  return { id: user.id, email, password: USER_PASSWORD, statuses }
}

/**
 * A credential-stuffing burst from one IP: wrong passwords for other e-mails
 * (unknown ones, which the lockout counts like real ones), one each, until
 * the per-IP limit refuses (429; `lockout.ipMaxAttempts` is 4 in the brief's
 * app, 50 by default). Then the customer signs in from that IP with the
 * right password: refused too, so the attempt lands in their log and their
 * widget lists the block. A blocked IP counts nothing, so the refusal leaves
 * the customer's own failure count and lock as they were.
 * @param {Api} api
 * @param {{ ip: string, customer: { email: string, password: string }, strangerDomain: string }} options
 * @returns {Promise<BlockedIp>}
 */
export async function blockIp(api, { ip, customer, strangerDomain }) {
  const bot = { "user-agent": "python-requests/2.32.3", "x-forwarded-for": ip }
  const statuses = []
  for (let attempt = 0; attempt < 60; attempt++) {
    const status = await api.customerLogin(`visitor${attempt}@${strangerDomain}`, `not the password ${attempt}`, bot)
    statuses.push(status)
    if (status === 429) break
    expect(status === 401, `wrong password from ${ip} answered ${status}`)
  }
  expect(statuses.at(-1) === 429, `${ip} not blocked after ${statuses.length} wrong passwords: ${statuses}`)
  const customerStatus = await api.customerLogin(customer.email, customer.password, { ...STOREFRONT, "x-forwarded-for": ip })
  expect(customerStatus === 429, `the customer's login from the blocked ${ip} answered ${customerStatus}`)
  return { ip, statuses, customerStatus }
}

/**
 * Where the MFA customer signs in from: an address of its own, so its
 * sign-ins count toward no other IP's limit.
 */
const PHONE_OWNER = { ...STOREFRONT, "x-forwarded-for": "198.51.100.60" }

/**
 * A customer who turned on two-step verification in the storefront with an
 * authenticator app, through Medusa's own routes: a login, `POST
 * /auth/mfa/factors` (Medusa's `startAuthMfa`: a TOTP secret), then the
 * first code from that secret to `POST /auth/mfa/factors/:id/verify`
 * (`verifyAuthMfa`: the factor is enabled). Medusa encrypts the secret with
 * `AUTH_MFA_ENCRYPTION_KEY`, which the dev app's medusa-config.ts sets.
 * @param {Api} api
 * @param {string} publishableKey
 * @param {{ email: string, firstName: string, lastName: string }} who
 * @returns {Promise<MfaCustomer>}
 */
export async function createMfaCustomer(api, publishableKey, who) {
  const { id } = await createCustomerAccount(api, publishableKey, who)
  const login = await api.call("POST", "/auth/customer/emailpass", { email: who.email, password: CUSTOMER_PASSWORD }, PHONE_OWNER)
  expect(login.status === 200 && login.data?.token && !login.data.mfa_required, `the new customer's login answered ${login.status}: ${JSON.stringify(login.data)}`)
  const customerAuth = { authorization: `Bearer ${login.data.token}` }
  const label = "Pixel 8"
  const { mfa_factor: started, secret } = await api.expectOk("POST", "/auth/mfa/factors", { provider: "totp", label }, customerAuth)
  expect(started.status === "pending" && typeof secret === "string", `the set-up answered ${JSON.stringify(started)}`)
  const { mfa_factor: enabled } = await api.expectOk(
    "POST",
    `/auth/mfa/factors/${started.id}/verify`,
    { code: totpCode(secret) },
    customerAuth
  )
  expect(enabled.status === "enabled", `the factor is ${enabled.status} after its first code`)
  return { id, email: who.email, password: CUSTOMER_PASSWORD, headers: PHONE_OWNER, secret, factor: { id: enabled.id, label } }
}

/**
 * @param {Api} api
 * @param {{ freshDatabase: boolean }} options
 * @returns {Promise<Seed>}
 */
export async function seed(api, { freshDatabase }) {
  const runId = Date.now().toString(36)
  /**
   * A name as is on a fresh database, else with the run id (also for the specs' own records).
   * @param {string} name @param {string} [separator]
   */
  const unique = (name, separator = " ") => (freshDatabase ? name : `${name}${separator}${runId}`)
  const matchingDomain = `${unique("acme", "-")}.test`
  const email = `erika@${matchingDomain}`

  await setStoreLocales(api)
  const publishableKey = await createPublishableKey(api)
  const person = { email, firstName: "Erika", lastName: "Beispiel" }
  const { id: customerId } = await registerCustomer(api, publishableKey, person)

  const home = await createAddress(api, customerId, { address_name: unique("Home"), address_1: "Gartenweg 1", city: "Berlin" })
  const office = await createAddress(api, customerId, { address_name: unique("Office"), address_1: "Hafenstraße 9", city: "Hamburg" })

  const notesUrl = `/admin/customers/${customerId}/notes`
  const { note: plain } = await api.adminPost(notesUrl, { body: "Called about invoice 4711: paid twice, refund promised." })
  const { note: pinned } = await api.adminPost(notesUrl, { body: "Prefers delivery before noon; the building has no concierge.", pinned: true })

  await api.adminPost(`/admin/customers/${customerId}/preferences`, {
    locale: "de-DE",
    default_billing_address_id: home.id,
    communication: { email_marketing: true },
  })

  const { customer_group: manualGroup } = await api.adminPost("/admin/customer-groups", { name: unique("Wholesale") })
  await api.adminPost(`/admin/customer-groups/${manualGroup.id}/customers`, { add: [customerId] })

  // Automatic, but its rule does not match the customer yet: the UI test
  // edits it to the customer's domain and re-evaluates. It trusts any
  // address: the customer's stays unverified for the verification checks.
  const otherDomain = `${unique("example", "-")}.org`
  const { customer_group: automaticGroup } = await api.adminPost("/admin/customer-groups", { name: unique("ACME staff") })
  await api.adminPost(`/admin/customer-groups/${automaticGroup.id}/rules`, {
    match: "all",
    rules: [{ type: "email_domain", domains: [otherDomain], verified_only: false }],
  })

  // Before the lock: the storefront's refusal stays the newest attempt.
  const blockedIp = await blockIp(api, {
    ip: BLOCKED_IP,
    customer: { email, password: CUSTOMER_PASSWORD },
    strangerDomain: `${unique("stuffing", "-")}.test`,
  })
  const failedLogins = await lockAccount(api, email)
  const lockedUser = await lockedColleague(api, `max@${unique("office", "-")}.test`)
  const mfaCustomer = await createMfaCustomer(api, publishableKey, {
    email: `otto@${unique("two-step", "-")}.test`,
    firstName: "Otto",
    lastName: "Zweifach",
  })

  return {
    runId,
    unique,
    storefront: STOREFRONT,
    publishableKey,
    customer: { id: customerId, email, password: CUSTOMER_PASSWORD, firstName: person.firstName, lastName: person.lastName },
    notes: { pinned, plain },
    addresses: { home, office },
    groups: {
      manual: { id: manualGroup.id, name: manualGroup.name },
      automatic: { id: automaticGroup.id, name: automaticGroup.name, matchingDomain, otherDomain },
    },
    failedLogins,
    blockedIp,
    lockedUser,
    mfaCustomer,
  }
}
