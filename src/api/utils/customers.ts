import type { MedusaContainer } from "@medusajs/framework/types"
import { wantsShippingOption } from "../../lib/preferences"
import type { CustomerPreferences } from "../../types/customer-preference"
import { readCustomerPreferences } from "../../lib/customer-preferences/read-preferences"
import {
  EMAILPASS_PROVIDER,
  findEmailpassIdentity,
  identitiesOfActor,
  normalizeIdentifier,
} from "../../lib/identity/auth-identity"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"

const LABELS = { customer: "Customer", user: "User", customer_group: "Customer group" } as const

/**
 * One record by id with the given fields, or NOT_FOUND in Medusa's own
 * wording ("Customer with id: cus_1 was not found"). Deleted records count
 * as unknown.
 */
async function fetchOrThrow<T>(
  scope: MedusaContainer,
  entity: keyof typeof LABELS,
  id: string,
  fields: string[]
): Promise<T> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [record],
  } = await query.graph({ entity, fields, filters: { id } })
  if (!record) {
    throw notFound(entity, id)
  }
  return record as T
}

const notFound = (entity: keyof typeof LABELS, id: string) =>
  new MedusaError(MedusaError.Types.NOT_FOUND, `${LABELS[entity]} with id: ${id} was not found`)

/** A customer with the given fields (its id alone by default); NOT_FOUND if unknown. */
export const fetchCustomerOrThrow = <T extends { id: string } = { id: string }>(
  scope: MedusaContainer,
  customerId: string,
  fields: string[] = ["id"]
) => fetchOrThrow<T>(scope, "customer", customerId, fields)

/**
 * A customer's preferences as the API shows them (`fields=*shipping_option`
 * expands the preferred option); NOT_FOUND for an unknown customer.
 */
export async function fetchCustomerPreferencesOrThrow(
  scope: MedusaContainer,
  customerId: string,
  fields?: string
): Promise<CustomerPreferences> {
  const preferences = await readCustomerPreferences(scope, customerId, {
    withShippingOption: wantsShippingOption(fields),
  })
  if (!preferences) {
    throw notFound("customer", customerId)
  }
  return preferences
}

/** A Back Office user with the given fields; NOT_FOUND if unknown. */
export const fetchUserOrThrow = <T extends { id: string } = { id: string }>(
  scope: MedusaContainer,
  userId: string,
  fields: string[] = ["id"]
) => fetchOrThrow<T>(scope, "user", userId, fields)

/** A customer group; NOT_FOUND if unknown. */
export const fetchCustomerGroupOrThrow = (scope: MedusaContainer, groupId: string) =>
  fetchOrThrow<{ id: string }>(scope, "customer_group", groupId, ["id"])

/** How automatic notes name an admin: "First Last", else the e-mail. */
export async function adminLabel(
  scope: MedusaContainer,
  userId: string
): Promise<string> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [user],
  } = await query.graph({
    entity: "user",
    fields: ["email", "first_name", "last_name"],
    filters: { id: userId },
  })
  const name = [user?.first_name, user?.last_name].filter(Boolean).join(" ")
  return name || user?.email || userId
}

/**
 * The customer and the emailpass identity of their account; NOT_FOUND when
 * the customer is unknown or has no account with a password.
 */
export async function customerWithPasswordAccount(
  scope: MedusaContainer,
  customerId: string
): Promise<{ customer_id: string; entity_id: string; auth_identity_id: string; first_name: string | null; last_name: string | null }> {
  const customer = await fetchCustomerOrThrow<{
    id: string
    email: string | null
    has_account: boolean
    first_name: string | null
    last_name: string | null
  }>(scope, customerId, ["id", "email", "has_account", "first_name", "last_name"])
  const identity = customer.has_account && customer.email
    ? await findEmailpassIdentity(scope, customer.email)
    : null
  if (!identity) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id: ${customerId} has no account with a password`
    )
  }
  return {
    customer_id: customer.id,
    entity_id: identity.entity_id,
    auth_identity_id: identity.auth_identity_id,
    first_name: customer.first_name ?? null,
    last_name: customer.last_name ?? null,
  }
}

type WithEmail = { id: string; email: string | null }

/**
 * The login identifier of an account, found by the account's id (never by
 * its e-mail, which a look-alike may share): the `entity_id` of the emailpass
 * identity linked to it, exactly as stored (the lockout resolves it to that
 * identity's row); the normalized e-mail when it has no login.
 */
async function identifierOfActor(
  scope: MedusaContainer,
  actor: "customer" | "user",
  actorId: string,
  email: string | null
): Promise<string> {
  const own = email ? await findEmailpassIdentity(scope, email) : null
  if (own && own.app_metadata[`${actor}_id`] === actorId) {
    return own.entity_id
  }
  // The identity linked to the account under another address.
  const identities = await identitiesOfActor(scope, actor === "customer" ? { customer_id: actorId } : { user_id: actorId }, {
    withLogins: true,
  })
  const linked = identities
    .flatMap((identity) => identity.provider_identities ?? [])
    .find((login) => login.provider === EMAILPASS_PROVIDER)
  return linked?.entity_id ?? normalizeIdentifier(email ?? "")
}

/** The customer's login identifier (see identifierOfActor); NOT_FOUND if unknown. */
export const customerIdentifier = async (scope: MedusaContainer, customerId: string) =>
  identifierOfActor(
    scope,
    "customer",
    customerId,
    (await fetchCustomerOrThrow<WithEmail>(scope, customerId, ["id", "email"])).email
  )

/** A Back Office user's login identifier (see identifierOfActor); NOT_FOUND if unknown. */
export const userIdentifier = async (scope: MedusaContainer, userId: string) =>
  identifierOfActor(scope, "user", userId, (await fetchUserOrThrow<WithEmail>(scope, userId, ["id", "email"])).email)
