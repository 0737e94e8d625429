import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { projectClock } from "../../../lib/clock"
import { CUSTOMER_PREFERENCE_MODULE } from "../../../modules/customer-preference"
import type CustomerPreferenceModuleService from "../../../modules/customer-preference/service"
import type { UpdateCustomerPreferencesInput } from "../types"

type PreferenceRow = Record<string, unknown> & { id: string }
/** One stored preference that changed. */
export type PreferenceChange = { field: string; from: unknown; to: unknown }
type Undo = { created_id: string } | { previous: PreferenceRow } | null

export const upsertCustomerPreferencesStepId = "cam-upsert-customer-preferences"

const CONSENTS = ["email_marketing", "sms_marketing"] as const

/**
 * Writes the stored preferences (creating the customer's row on first write).
 * A consent's `*_updated_at` moves only when its value changes. Compensation
 * deletes a row it created or restores the previous values.
 */
export const upsertCustomerPreferencesStep = createStep(
  upsertCustomerPreferencesStepId,
  async ({ customer_id, update }: UpdateCustomerPreferencesInput, { container }) => {
    const service: CustomerPreferenceModuleService = container.resolve(CUSTOMER_PREFERENCE_MODULE)
    const [existing] = await service.listCustomerPreferences({ customer_id })
    const now = projectClock.now()
    const changes: Record<string, unknown> = {}
    if (update.locale !== undefined) changes.locale = update.locale
    if (update.preferred_shipping_option_id !== undefined) {
      changes.preferred_shipping_option_id = update.preferred_shipping_option_id
    }
    for (const consent of CONSENTS) {
      const value = update.communication?.[consent]
      if (value !== undefined && (!existing || existing[consent] !== value)) {
        changes[consent] = value
        changes[`${consent}_updated_at`] = now
      }
    }

    // What changed, old -> new, for the activity timeline (not the consent dates).
    const changed: PreferenceChange[] = Object.keys(changes)
      .filter((field) => !field.endsWith("_updated_at"))
      .map((field) => ({ field, from: (existing as Record<string, unknown> | undefined)?.[field] ?? null, to: changes[field] }))
      .filter((change) => change.from !== change.to)

    if (!Object.keys(changes).length) {
      return new StepResponse({ preferences: existing ?? null, changes: changed }, null as Undo)
    }
    if (!existing) {
      const created = await service.createCustomerPreferences({ customer_id, ...changes })
      return new StepResponse({ preferences: created, changes: changed }, { created_id: created.id } as Undo)
    }
    const previous = Object.fromEntries(
      Object.keys(changes).map((key) => [key, (existing as Record<string, unknown>)[key]])
    )
    const updated = await service.updateCustomerPreferences({ id: existing.id, ...changes })
    return new StepResponse({ preferences: updated, changes: changed }, { previous: { id: existing.id, ...previous } } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: CustomerPreferenceModuleService = container.resolve(CUSTOMER_PREFERENCE_MODULE)
    if ("created_id" in undo) {
      await service.deleteCustomerPreferences([undo.created_id])
    } else {
      await service.updateCustomerPreferences(undo.previous)
    }
  }
)
