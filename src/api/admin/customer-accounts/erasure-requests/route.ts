import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../../modules/customer-accounts/service"
import type { AdminErasureRequestsResponse } from "../../../../types/customer-privacy"
import { erasureProgressOf } from "../../../../lib/privacy/privacy-state"

/** Most customers' requests one answer lists (oldest first: the first due). */
const MAX_LISTED = 200

/**
 * The erasures that wait for an admin: first the unfinished ones (a run
 * failed, or one runs now), then the requests customers made (oldest first),
 * with the customer's name and e-mail so the admin can find them; `count` is
 * the total waiting.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminErasureRequestsResponse>) => {
  const accounts: CustomerAccountsModuleService = req.scope.resolve(CUSTOMER_ACCOUNTS_MODULE)
  const unfinished = await accounts.listPrivacyRequests({ status: "erasing" }, { order: { erasure_started_at: "ASC" } })
  const [requests, requestCount] = await accounts.listAndCountPrivacyRequests(
    { status: "requested" },
    { order: { requested_at: "ASC" }, take: MAX_LISTED }
  )
  const waiting = [...unfinished, ...requests]
  const customers = waiting.length
    ? await req.scope
        .resolve(Modules.CUSTOMER)
        .listCustomers({ id: waiting.map((request) => request.customer_id) }, { select: ["id", "email", "first_name", "last_name"] })
    : []
  const byId = new Map(customers.map((customer) => [customer.id, customer]))
  res.json({
    erasure_requests: waiting.map((request) => {
      const customer = byId.get(request.customer_id)
      return {
        customer_id: request.customer_id,
        status: request.status as "requested" | "erasing",
        email: customer?.email ?? null,
        first_name: customer?.first_name ?? null,
        last_name: customer?.last_name ?? null,
        ...erasureProgressOf(request),
      }
    }),
    count: unfinished.length + requestCount,
  })
}
