import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { projectClock } from "../clock"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../modules/customer-accounts/index"
import { ERASURE_CLAIM_TTL_MS } from "../../modules/customer-accounts/repositories/erasure"
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
  const record = await accounts.erasure.find(customerId)
  const anonymized = record?.status === "completed"
  return {
    customer_id: customerId,
    status: anonymized ? "anonymized" : record?.status === "erasing" ? "erasing" : record ? "requested" : "active",
    ...erasureProgressOf(record),
    anonymized_at: iso(record?.completed_at),
    email: anonymized ? null : customer.email ?? null,
  }
}

type ErasureRow = { status: string; requested_at?: unknown; erasure_started_at?: unknown; claimed_at?: unknown }

/**
 * When an erasure was requested and started, as the API shows them, and
 * whether a run holds it now (a claim older than the TTL is a run that died).
 */
export function erasureProgressOf(
  record: ErasureRow | null
): Pick<CustomerPrivacyState, "requested_at" | "erasure_started_at" | "erasure_running"> {
  const claimedAt = record?.status === "erasing" && record.claimed_at ? new Date(record.claimed_at as string) : null
  return {
    requested_at: iso(record?.requested_at),
    erasure_started_at: iso(record?.erasure_started_at),
    erasure_running: !!claimedAt && claimedAt.getTime() > projectClock.now().getTime() - ERASURE_CLAIM_TTL_MS,
  }
}

/** The anonymous e-mail an anonymized customer keeps (unique, undeliverable: `.invalid` is reserved). */
export const anonymousEmail = (customerId: string) => `anonymized+${customerId.toLowerCase()}@anonymized.invalid`
