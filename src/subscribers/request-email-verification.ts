import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { requestEmailVerification } from "../lib/email/verification"

/**
 * With `emailVerification.sendOnRegistration` (on by default), asks Medusa
 * to verify the address of every new customer account; the verification
 * e-mail follows from `auth.verification_requested`. Guests (no account)
 * get nothing.
 */
export default async function requestEmailVerificationOnRegistration({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const { emailVerification } = container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE).getOptions()
  if (!emailVerification.sendOnRegistration) {
    return
  }
  const [customer] = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: data.id }, { select: ["email", "has_account"] })
  if (customer?.has_account && customer.email) {
    await requestEmailVerification(container, customer.email)
  }
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "cam-request-email-verification" },
}
