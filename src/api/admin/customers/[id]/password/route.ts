import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { passwordPolicyErrors, setCustomerPasswordByAdminWorkflow } from "../../../../../workflows/customer-password"
import { adminLabel, customerWithPasswordAccount } from "../../../../utils/customers"
import { sendPasswordPolicyError } from "../../../../utils/password-policy"
import type { AdminSetCustomerPasswordType } from "./validators"

/**
 * Sets a customer's password directly. Off unless the merchant enables
 * `allowAdminSetPassword`; the password policy applies as everywhere else
 * (both are steps of the workflow; a policy refusal lists the failed rules).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetCustomerPasswordType>,
  res: MedusaResponse<{ customer_id: string; success: true }>
) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  try {
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
  } catch (error) {
    const errors = passwordPolicyErrors(error)
    if (errors) {
      return sendPasswordPolicyError(res, { errors })
    }
    throw error
  }
  res.json({ customer_id: account.customer_id, success: true })
}
