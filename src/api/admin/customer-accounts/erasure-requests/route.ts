import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../../modules/customer-accounts/service"
import type { AdminErasureRequestsResponse } from "../../../../types/customer-privacy"

/** Most pending requests one answer lists (oldest first: the first due). */
const MAX_LISTED = 200

/**
 * The erasure requests customers made that wait for an admin (oldest
 * first), with the customer's name and e-mail so the admin can find them;
 * `count` is the total waiting.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminErasureRequestsResponse>) => {
  const accounts: CustomerAccountsModuleService = req.scope.resolve(CUSTOMER_ACCOUNTS_MODULE)
  const [requests, count] = await accounts.listAndCountPrivacyRequests(
    { status: "requested" },
    { order: { requested_at: "ASC" }, take: MAX_LISTED }
  )
  const customers = requests.length
    ? await req.scope
        .resolve(Modules.CUSTOMER)
        .listCustomers({ id: requests.map((request) => request.customer_id) }, { select: ["id", "email", "first_name", "last_name"] })
    : []
  const byId = new Map(customers.map((customer) => [customer.id, customer]))
  res.json({
    erasure_requests: requests.map((request) => {
      const customer = byId.get(request.customer_id)
      return {
        customer_id: request.customer_id,
        email: customer?.email ?? null,
        first_name: customer?.first_name ?? null,
        last_name: customer?.last_name ?? null,
        requested_at: new Date(request.requested_at as unknown as string).toISOString(),
      }
    }),
    count,
  })
}
