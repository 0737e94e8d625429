import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { setCustomerPasswordByAdminWorkflow } from "../../../../../workflows/customer-password"
import { adminLabel, customerWithPasswordAccount } from "../../../../utils/customers"
import {
  accountSecurity,
  passwordContextFor,
  sendPasswordPolicyError,
} from "../../../../utils/password-policy"
import type { AdminSetCustomerPasswordType } from "./validators"

/**
 * Sets a customer's password directly. Off unless the merchant enables
 * `allowAdminSetPassword`; the password policy applies as everywhere else.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetCustomerPasswordType>,
  res: MedusaResponse<{ customer_id: string; success: true }>
) => {
  const security = accountSecurity(req.scope)
  if (!security.getOptions().allowAdminSetPassword) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "Setting a customer's password is disabled. Send a reset link instead, or enable the allowAdminSetPassword option."
    )
  }
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  const context = await passwordContextFor(req.scope, account.entity_id, account)
  const verdict = await security.checkNewPassword(
    req.validatedBody.password,
    context,
    account.auth_identity_id
  )
  if (!verdict.valid) {
    return sendPasswordPolicyError(res, verdict)
  }
  await setCustomerPasswordByAdminWorkflow(req.scope).run({
    input: {
      customer_id: account.customer_id,
      entity_id: account.entity_id,
      password: req.validatedBody.password,
      admin: {
        id: req.auth_context.actor_id,
        label: await adminLabel(req.scope, req.auth_context.actor_id),
      },
    },
  })
  res.json({ customer_id: account.customer_id, success: true })
}
