import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNT_SECURITY_MODULE } from "../../modules/account-security"
import type AccountSecurityModuleService from "../../modules/account-security/service"

/**
 * The account-security module of a request's scope: the lockout, quotas,
 * sessions and password policy, and the plugin's options for them.
 */
export function accountSecurity(scope: MedusaContainer): AccountSecurityModuleService {
  return scope.resolve(ACCOUNT_SECURITY_MODULE)
}
