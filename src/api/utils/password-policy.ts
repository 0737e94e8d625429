import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type {
  PasswordContext,
  PasswordValidationResult,
} from "../../lib/password-policy"
import { ACCOUNT_SECURITY_MODULE } from "../../modules/account-security"
import type AccountSecurityModuleService from "../../modules/account-security/service"
import { findEmailpassIdentity } from "../../utils/auth-identity"

export { findEmailpassIdentity, normalizeIdentifier } from "../../utils/auth-identity"

export function accountSecurity(scope: MedusaContainer): AccountSecurityModuleService {
  return scope.resolve(ACCOUNT_SECURITY_MODULE)
}

/**
 * What the policy compares a password against: the e-mail, the names of the
 * customer account behind it, and the store's name.
 */
export async function passwordContextFor(
  scope: MedusaContainer,
  email: string | null | undefined,
  names: { first_name?: string | null; last_name?: string | null } = {}
): Promise<PasswordContext> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: stores }, customer] = await Promise.all([
    query.graph({ entity: "store", fields: ["name"], pagination: { take: 1 } }),
    email && names.first_name === undefined
      ? query
          .graph({
            entity: "customer",
            fields: ["first_name", "last_name"],
            filters: { email, has_account: true },
          })
          .then(({ data }) => data[0])
      : Promise.resolve(undefined),
  ])
  return {
    email: email ?? null,
    first_name: names.first_name ?? customer?.first_name ?? null,
    last_name: names.last_name ?? customer?.last_name ?? null,
    store_name: stores[0]?.name ?? null,
  }
}

/**
 * The policy's refusal, in Medusa's error shape plus the list of failed
 * rules: `{ type: "invalid_data", message, errors: [{ code, message }] }`.
 */
export function sendPasswordPolicyError(
  // Any route's response: the error body replaces its success shape.
  res: MedusaResponse<any>,
  result: PasswordValidationResult
): void {
  res.status(400).json({
    type: "invalid_data",
    message: `The password does not meet the password policy: ${result.errors
      .map((error) => error.message)
      .join(" ")}`,
    errors: result.errors,
  })
}

/**
 * After the auth provider stored a new password, keeps its hash in the
 * history (when history is on). Never throws: the password is already set.
 */
export async function rememberCurrentPassword(
  scope: MedusaContainer,
  email: string
): Promise<void> {
  const security = accountSecurity(scope)
  if (!security.getOptions().passwordPolicy.historySize) {
    return
  }
  try {
    const identity = await findEmailpassIdentity(scope, email)
    if (identity?.password_hash) {
      await security.rememberPasswordHash(identity.auth_identity_id, identity.password_hash)
    }
  } catch (error) {
    scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`medusa-customer-accounts: could not record password history: ${String(error)}`)
  }
}
