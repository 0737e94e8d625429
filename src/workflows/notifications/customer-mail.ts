import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../../modules/account-security"
import type AccountSecurityModuleService from "../../modules/account-security/service"
import { notificationLocale } from "../customer-preference/read-preferences"

/**
 * What an e-mail to a customer needs to greet them in their language: the
 * first name, and the languages to write in (the customer's locale first,
 * then the `defaultLocale` option), as `renderEmail` takes them.
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
    fields: ["first_name"],
    filters: { id: customerId },
  })
  const locale = (await notificationLocale(container, customerId)) ?? defaultLocale
  return { first_name: customer?.first_name ?? null, locale, locales: [locale, defaultLocale] }
}
