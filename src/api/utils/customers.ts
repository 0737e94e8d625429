import type { MedusaContainer } from "@medusajs/framework/types"
import { findEmailpassIdentity, normalizeIdentifier } from "../../utils/auth-identity"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"

/** Throws NOT_FOUND unless a (non-deleted) customer with this id exists. */
export async function assertCustomerExists(
  scope: MedusaContainer,
  customerId: string
): Promise<void> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { id: customerId },
  })
  if (!data.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id: ${customerId} was not found`
    )
  }
}

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
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "has_account", "first_name", "last_name"],
    filters: { id: customerId },
  })
  if (!customer) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id: ${customerId} was not found`
    )
  }
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

/**
 * The login identifier (normalized e-mail) of a customer or a Back Office
 * user; NOT_FOUND if there is no such account.
 */
async function loginIdentifierOf(
  scope: MedusaContainer,
  entity: "customer" | "user",
  id: string
): Promise<string> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [account],
  } = await query.graph({ entity, fields: ["id", "email"], filters: { id } })
  if (!account) {
    const label = entity === "customer" ? "Customer" : "User"
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} with id: ${id} was not found`)
  }
  return normalizeIdentifier(account.email ?? "")
}

/** The customer's login identifier (normalized e-mail); NOT_FOUND if unknown. */
export const customerIdentifier = (scope: MedusaContainer, customerId: string) =>
  loginIdentifierOf(scope, "customer", customerId)

/** A Back Office user's login identifier (normalized e-mail); NOT_FOUND if unknown. */
export const userIdentifier = (scope: MedusaContainer, userId: string) =>
  loginIdentifierOf(scope, "user", userId)
