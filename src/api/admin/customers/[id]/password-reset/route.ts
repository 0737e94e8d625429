import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendCustomerPasswordResetWorkflow } from "../../../../../workflows/customer-password"
import { adminLabel, customerWithPasswordAccount } from "../../../../utils/customers"

/** Sends the customer a reset link through Medusa's own reset flow. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<{ customer_id: string; sent: true }>
) => {
  const account = await customerWithPasswordAccount(req.scope, req.params.id)
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  await sendCustomerPasswordResetWorkflow(req.scope).run({
    input: {
      customer_id: account.customer_id,
      entity_id: account.entity_id,
      admin: {
        id: req.auth_context.actor_id,
        label: await adminLabel(req.scope, req.auth_context.actor_id),
      },
      jwt: { secret: http.jwtSecret as string, options: http.jwtOptions as Record<string, unknown> | undefined },
    },
  })
  res.json({ customer_id: account.customer_id, sent: true })
}
