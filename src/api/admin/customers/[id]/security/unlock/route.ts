import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CustomerAccountEvents } from "../../../../../../modules/account-security/events"
import { createCustomerNotesWorkflow } from "../../../../../../workflows/customer-note"
import { adminLabel, customerIdentifier } from "../../../../../utils/customers"
import { accountSecurity } from "../../../../../utils/password-policy"

/** Lifts a lock and clears the counters; leaves a note naming the admin. */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<{ customer_id: string; unlocked: true; was_locked: boolean }>
) => {
  const customerId = req.params.id
  const identifier = await customerIdentifier(req.scope, customerId)
  const wasLocked = await accountSecurity(req.scope).unlockIdentifier(identifier)
  const actorId = req.auth_context.actor_id
  const label = await adminLabel(req.scope, actorId)
  await createCustomerNotesWorkflow(req.scope).run({
    input: {
      notes: [
        {
          customer_id: customerId,
          author_id: actorId,
          body: wasLocked
            ? `Account unlocked by ${label}`
            : `Failed-login counters reset by ${label}`,
        },
      ],
    },
  })
  await req.scope.resolve(Modules.EVENT_BUS).emit({
    name: CustomerAccountEvents.UNLOCKED,
    data: { identifier, customer_id: customerId, actor_id: actorId, reason: "admin" },
  })
  res.json({ customer_id: customerId, unlocked: true, was_locked: wasLocked })
}
