import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../../modules/account-security/index"
import type AccountSecurityModuleService from "../../modules/account-security/service"
import { notificationLocale } from "../customer-preferences/read-preferences"
import { emailVerificationRow } from "../email/verification"
import { actorIdOf, findEmailpassIdentity } from "../identity/auth-identity"

/**
 * What an e-mail to a customer needs to greet them in their language: the
 * first name, and the languages to write in (the customer's locale first,
 * then the `defaultLocale` option), as `renderEmail` takes them.
 *
 * The first name only when the customer's login address is verified: a name
 * is text its registrant chose, and anyone can register a stranger's address
 * (with a name like "Visit evil.example") and then make the shop e-mail it.
 */
export async function customerMailContext(
  container: MedusaContainer,
  customerId: string
): Promise<{ first_name: string | null; locale: string; locales: [string, string] }> {
  const { defaultLocale } = container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE).getOptions()
  const {
    data: [customer],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["first_name", "email"],
    filters: { id: customerId },
  })
  const locale = (await notificationLocale(container, customerId)) ?? defaultLocale
  const verified = customer?.email ? await loginAddressVerified(container, customerId, customer.email) : false
  return { first_name: verified ? customer?.first_name ?? null : null, locale, locales: [locale, defaultLocale] }
}

/** Whether `email` is the login of the customer's own identity and that address is verified. */
export async function loginAddressVerified(container: MedusaContainer, customerId: string, email: string): Promise<boolean> {
  const identity = await findEmailpassIdentity(container, email)
  return !!identity && actorIdOf(identity, "customer") === customerId && (await addressVerified(container, identity))
}

/** Whether an identity's own login address is verified (Medusa's verification row). */
export async function addressVerified(
  container: MedusaContainer,
  identity: { auth_identity_id: string; entity_id: string }
): Promise<boolean> {
  return !!(await emailVerificationRow(container, identity))?.verified_at
}
