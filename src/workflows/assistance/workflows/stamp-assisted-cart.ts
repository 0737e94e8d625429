import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartsStep } from "@medusajs/medusa/core-flows"

export type StampAssistedCartWorkflowInput = {
  cart_id: string
  /** The cart's metadata as it is now (kept: the cart module replaces metadata as a whole). */
  metadata: Record<string, unknown> | null
  user_id: string
}

/**
 * Marks a cart that store staff complete in an assisted session
 * (`metadata.assisted_by`), before Medusa's completion copies the cart's
 * metadata onto the order: reports tell assisted orders apart. Medusa's own
 * step, with its compensation.
 */
export const stampAssistedCartWorkflow = createWorkflow(
  "cam-stamp-assisted-cart",
  (input: StampAssistedCartWorkflowInput) => {
    const update = transform({ input }, ({ input }) => [
      { id: input.cart_id, metadata: { ...(input.metadata ?? {}), assisted_by: input.user_id } },
    ])
    return new WorkflowResponse(updateCartsStep(update))
  }
)
