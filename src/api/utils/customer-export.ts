import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CustomerAccountEvents } from "../../lib/events"
import { buildCustomerExport } from "../../lib/privacy/export"

/**
 * Answers a customer's data export as a JSON file download and records it
 * (`customer_account.exported`, on the timeline without its content).
 */
export async function sendCustomerExport(
  scope: MedusaContainer,
  res: MedusaResponse,
  customerId: string,
  by: { requested_by: "customer" | "admin"; actor_id: string }
): Promise<void> {
  const document = await buildCustomerExport(scope, customerId)
  res.setHeader("content-disposition", `attachment; filename="customer-${customerId}-export.json"`)
  res.setHeader("cache-control", "no-store")
  res.json(document)
  // Straight on the bus: an export writes nothing, and the event (for the
  // timeline) must not fail a download that has gone out.
  await scope
    .resolve(Modules.EVENT_BUS)
    .emit({ name: CustomerAccountEvents.EXPORTED, data: { event_id: randomUUID(), customer_id: customerId, ...by } })
    .catch(() => undefined)
}
