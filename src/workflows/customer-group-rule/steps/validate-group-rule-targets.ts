import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { GroupRule } from "../../../lib/group-rules"

export type ValidateGroupRuleTargetsStepInput = {
  /** Groups that must exist (NOT_FOUND otherwise). */
  customer_group_ids: string[]
  /** Rules whose currencies must exist in Medusa's currency module (INVALID_DATA otherwise). */
  rules?: GroupRule[]
  /** Names the field in the error, e.g. "default_group_ids" (INVALID_DATA instead of NOT_FOUND). */
  field?: string
}

export const validateGroupRuleTargetsStepId = "cam-validate-group-rule-targets"

/**
 * Checks what rules and settings point at before anything is written: the
 * customer groups exist, and so do the currencies of `total_spent` rules.
 * Reads only: nothing to compensate.
 */
export const validateGroupRuleTargetsStep = createStep(
  validateGroupRuleTargetsStepId,
  async (input: ValidateGroupRuleTargetsStepInput, { container }) => {
    const ids = [...new Set(input.customer_group_ids)]
    const groups = ids.length
      ? await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: ids }, { select: ["id"] })
      : []
    const missing = ids.filter((id) => !groups.some((group) => group.id === id))
    if (missing.length) {
      throw input.field
        ? new MedusaError(MedusaError.Types.INVALID_DATA, `${input.field}: unknown customer group ${missing.join(", ")}`)
        : new MedusaError(MedusaError.Types.NOT_FOUND, `Customer group with id: ${missing.join(", ")} was not found`)
    }
    const codes = [
      ...new Set((input.rules ?? []).flatMap((rule) => (rule.type === "total_spent" ? [rule.currency_code] : []))),
    ]
    if (codes.length) {
      const known = await container.resolve(Modules.CURRENCY).listCurrencies({ code: codes }, { select: ["code"] })
      const unknown = codes.filter((code) => !known.some((currency) => currency.code === code))
      if (unknown.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `rules: unknown currency ${unknown.join(", ")}`)
      }
    }
    return new StepResponse(void 0)
  }
)
