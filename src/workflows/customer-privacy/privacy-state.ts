import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../modules/customer-accounts/service"
import type { CustomerPrivacyState } from "../../types/customer-privacy"

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null)

/** A customer's erasure state (404 for an unknown customer). */
export async function privacyStateOf(container: MedusaContainer, customerId: string): Promise<CustomerPrivacyState> {
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { select: ["id", "email"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`)
  }
  const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
  const [request] = await accounts.listPrivacyRequests({ customer_id: customerId })
  const anonymized = request?.status === "completed"
  return {
    customer_id: customerId,
    status: anonymized ? "anonymized" : request ? "requested" : "active",
    requested_at: iso(request?.requested_at),
    anonymized_at: iso(request?.completed_at),
    email: anonymized ? null : customer.email ?? null,
  }
}

/** The anonymous e-mail an anonymized customer keeps (unique, undeliverable: `.invalid` is reserved). */
export const anonymousEmail = (customerId: string) => `anonymized+${customerId.toLowerCase()}@anonymized.invalid`
