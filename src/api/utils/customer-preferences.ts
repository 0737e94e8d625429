import { z } from "zod"
import { MedusaError } from "@medusajs/framework/utils"

const nullableId = z.string().min(1).max(100).nullable().optional()

/**
 * A partial preferences update, shared by the store and admin routes and by
 * `additional_data.preferences` on the core customer routes.
 */
export const UpdateCustomerPreferencesSchema = z
  .object({
    locale: z.string().min(2).max(35).nullable().optional(),
    preferred_shipping_option_id: nullableId,
    default_shipping_address_id: nullableId,
    default_billing_address_id: nullableId,
    communication: z
      .object({
        email_marketing: z.boolean().optional(),
        sms_marketing: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type UpdateCustomerPreferencesType = z.infer<typeof UpdateCustomerPreferencesSchema>

/** `fields=*shipping_option` (or `+shipping_option`) expands the preferred option. */
export const GetCustomerPreferencesParams = z
  .object({
    fields: z
      .string()
      .regex(/^[*+]?shipping_option(\.\*)?$/, "fields may only be *shipping_option")
      .optional(),
  })
  .strict()
export type GetCustomerPreferencesParamsType = z.infer<typeof GetCustomerPreferencesParams>

export const wantsShippingOption = (fields?: string) => !!fields?.includes("shipping_option")

export function customerNotFound(customerId: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`)
}
