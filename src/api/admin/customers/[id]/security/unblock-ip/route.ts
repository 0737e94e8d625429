import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CustomerAccountEvents } from "../../../../../../modules/account-security/events"
import type { AdminUnblockIpResponse } from "../../../../../../types/account-security"
import { createCustomerNotesWorkflow } from "../../../../../../workflows/customer-note"
import { adminLabel, customerIdentifier } from "../../../../../utils/customers"
import { accountSecurity } from "../../../../../utils/password-policy"
import type { AdminUnblockIpType } from "../validators"

/**
 * Lifts the block on an IP this customer was tried from (an office or a
 * mobile carrier's shared address, say) and clears its count; leaves a note
 * naming the admin. Only IPs in the customer's attempt log can be unblocked
 * here, so the route cannot be used to lift blocks at large.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUnblockIpType>,
  res: MedusaResponse<AdminUnblockIpResponse>
) => {
  const customerId = req.params.id
  const { ip } = req.validatedBody
  const identifier = await customerIdentifier(req.scope, customerId)
  const security = accountSecurity(req.scope)
  if (!(await security.wasTriedFrom(identifier, ip))) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer ${customerId} has no login attempt from IP ${ip}`
    )
  }
  const wasBlocked = await security.unblockIp(ip)
  const actorId = req.auth_context.actor_id
  const label = await adminLabel(req.scope, actorId)
  await createCustomerNotesWorkflow(req.scope).run({
    input: {
      notes: [
        {
          customer_id: customerId,
          author_id: actorId,
          body: wasBlocked
            ? `Login block on IP ${ip} lifted by ${label}`
            : `Failed-login count of IP ${ip} reset by ${label}`,
        },
      ],
    },
  })
  await req.scope.resolve(Modules.EVENT_BUS).emit({
    name: CustomerAccountEvents.IP_UNBLOCKED,
    data: { ip, customer_id: customerId, actor_id: actorId, was_blocked: wasBlocked },
  })
  res.json({ customer_id: customerId, ip, unblocked: true, was_blocked: wasBlocked })
}
