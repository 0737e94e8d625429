import { randomUUID } from "node:crypto"
import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { errorReason } from "../../../../../lib/error-reason"
import type { MembershipChange, MembershipsChangedData } from "../../../../../lib/customer-groups/evaluate"
import { CustomerGroupRuleEvents } from "../../../../../lib/events"
import { refuseNulInPathParams } from "../../../../utils/request-guards"

type LinkBody = { add?: unknown; remove?: unknown }

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : []

/**
 * Medusa's own routes that change memberships by hand emit nothing and pass
 * no actor to their workflows. Once one answers 2xx, this reports what it
 * changed, with the admin who asked, as `customer_group_membership.changed`
 * (source `manual`), for the activity timeline. `pairs` turns the route's
 * path id and one id of the body into a membership.
 */
const reportManualChanges =
  (pairs: (pathId: string, bodyId: string) => { customer_id: string; customer_group_id: string }) =>
  (req: AuthenticatedMedusaRequest<LinkBody>, res: MedusaResponse, next: MedusaNextFunction) => {
    const body = (req.body ?? {}) as LinkBody
    const changes: MembershipChange[] = [
      ...ids(body.add).map((id) => ({ ...pairs(req.params.id, id), change: "joined" as const })),
      ...ids(body.remove).map((id) => ({ ...pairs(req.params.id, id), change: "left" as const })),
    ]
    const actorId = req.auth_context?.actor_id ?? null
    res.on("finish", () => {
      if (res.statusCode < 200 || res.statusCode >= 300 || !changes.length) {
        return
      }
      const data: MembershipsChangedData = { event_id: randomUUID(), source: "manual", actor_id: actorId, changes }
      // Straight on the bus: the write was Medusa's own workflow, which ended
      // with its answer; this only tells the timeline who made the change.
      req.scope
        .resolve(Modules.EVENT_BUS)
        .emit({ name: CustomerGroupRuleEvents.MEMBERSHIPS_CHANGED, data })
        .catch((error: unknown) =>
          req.scope
            .resolve(ContainerRegistrationKeys.LOGGER)
            .error(`medusa-customer-accounts: could not report a membership change: ${errorReason(error)}`)
        )
    })
    next()
  }

export const adminCustomerGroupMembershipMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/group-memberships",
    middlewares: [refuseNulInPathParams],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/customer-groups",
    middlewares: [reportManualChanges((customerId, groupId) => ({ customer_id: customerId, customer_group_id: groupId }))],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-groups/:id/customers",
    middlewares: [reportManualChanges((groupId, customerId) => ({ customer_id: customerId, customer_group_id: groupId }))],
  },
]
