import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Capability } from "../../../lib/permissions/capabilities"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../../modules/customer-accounts"
import type CustomerAccountsModuleService from "../../../modules/customer-accounts/service"

export type ValidateStaffPermissionsInput = {
  user_id: string
  capabilities: Capability[]
  actor_id: string
}

export const validateStaffPermissionsStepId = "cam-validate-staff-permissions"

/**
 * Checks a grant before anything is written: the user exists (404), and the
 * shop keeps someone who may manage permissions: a user cannot take away
 * their own `permissions.manage` while no one else (no owner, no other
 * grant) holds it (400).
 */
export const validateStaffPermissionsStep = createStep(
  validateStaffPermissionsStepId,
  async (input: ValidateStaffPermissionsInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: users } = await query.graph({ entity: "user", fields: ["id", "email"] })
    if (!users.some((user: { id: string }) => user.id === input.user_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `User with id: ${input.user_id} was not found`)
    }
    const dropsOwnManage = input.user_id === input.actor_id && !input.capabilities.includes("permissions.manage")
    if (dropsOwnManage) {
      const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
      const others = users.filter((user: { id: string }) => user.id !== input.actor_id)
      const grants = await accounts.grantsOf(others.map((user: { id: string }) => user.id))
      const anotherHolder = others.some(
        (user: { id: string; email: string }) =>
          accounts.isOwner(user.email) || grants.get(user.id)?.includes("permissions.manage")
      )
      if (!anotherHolder) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "capabilities: you are the last user who may manage permissions; grant permissions.manage to someone else first"
        )
      }
    }
    return new StepResponse(undefined)
  }
)
