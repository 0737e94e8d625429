import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { canonicalEmail } from "../../../lib/identity"
import { ACCOUNT_SECURITY_MODULE } from "../../../modules/account-security"
import type AccountSecurityModuleService from "../../../modules/account-security/service"
import type { IdentityClaimRow } from "../../../modules/account-security/repositories/identity-claim"
import { EMAILPASS_PROVIDER } from "../../../lib/identity/auth-identity"

export type ChangeLoginEmailStepInput = { auth_identity_id: string; customer_id: string; to: string }

type Undo = {
  provider_identity_id: string
  auth_identity_id: string
  from: string
  customer_id: string
  customer_email: string | null
  /** The identity's address claims before the move (one identity per address). */
  claims: IdentityClaimRow[]
}

export const changeLoginEmailStepId = "cam-change-login-email"

/**
 * Moves a customer's login and customer record to a new address, as one
 * unit: the emailpass identity's `entity_id` (what the customer logs in
 * with), the customer's `email` and the claim of its canonical form (so no
 * look-alike of the new address can register). Medusa's unique index on
 * (entity_id, provider) refuses an address another login took meanwhile, the
 * claim refuses a look-alike of one.
 * Compensation puts both back. Returns the previous address.
 */
export const changeLoginEmailStep = createStep(
  changeLoginEmailStepId,
  async (input: ChangeLoginEmailStepInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const customers = container.resolve(Modules.CUSTOMER)
    const [login] = await auth.listProviderIdentities(
      { auth_identity_id: input.auth_identity_id, provider: EMAILPASS_PROVIDER },
      { select: ["id", "entity_id"] }
    )
    if (!login) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "This account has no login with an e-mail address and password")
    }
    const [customer] = await customers.listCustomers({ id: input.customer_id }, { select: ["id", "email"] })
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
    }
    const security = container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE)
    const claims = await security.identities.move(input.auth_identity_id, canonicalEmail(input.to), input.to)
    if (!claims) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This e-mail address is no longer available")
    }
    const undo: Undo = {
      provider_identity_id: login.id,
      auth_identity_id: input.auth_identity_id,
      from: login.entity_id,
      customer_id: customer.id,
      customer_email: customer.email ?? null,
      claims,
    }
    try {
      await auth.updateProviderIdentities([{ id: login.id, entity_id: input.to }])
    } catch {
      await security.identities.restore(input.auth_identity_id, claims)
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This e-mail address is no longer available")
    }
    await customers.updateCustomers(customer.id, { email: input.to })
    return new StepResponse({ from: login.entity_id }, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve(Modules.AUTH).updateProviderIdentities([{ id: undo.provider_identity_id, entity_id: undo.from }])
    await container.resolve(Modules.CUSTOMER).updateCustomers(undo.customer_id, { email: undo.customer_email })
    await container
      .resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE)
      .identities.restore(undo.auth_identity_id, undo.claims)
  }
)
