import { z } from "zod"
import { noNul } from "./text"

const nullableId = (field: string) => z.string().min(1).max(100).refine(...noNul(field)).nullable().optional()

/**
 * A partial update of a customer's preferences (omitted fields stay, `null`
 * clears): the body of the store and admin preferences routes and of
 * `additional_data.preferences` on Medusa's customer routes, and the input
 * of `updateCustomerPreferencesWorkflow`.
 */
export const UpdateCustomerPreferencesSchema = z
  .object({
    locale: z.string().min(2).max(35).nullable().optional(),
    preferred_shipping_option_id: nullableId("preferred_shipping_option_id"),
    default_shipping_address_id: nullableId("default_shipping_address_id"),
    default_billing_address_id: nullableId("default_billing_address_id"),
    communication: z
      .object({
        email_marketing: z.boolean().optional(),
        sms_marketing: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type UpdateCustomerPreferences = z.infer<typeof UpdateCustomerPreferencesSchema>

/** `fields=*shipping_option` (or `+shipping_option`) expands the preferred option. */
export const GetCustomerPreferencesParamsSchema = z
  .object({
    fields: z
      .string()
      .regex(/^[*+]?shipping_option(\.\*)?$/, "fields may only be *shipping_option")
      .optional(),
  })
  .strict()
export type GetCustomerPreferencesParams = z.infer<typeof GetCustomerPreferencesParamsSchema>

export const wantsShippingOption = (fields?: string) => !!fields?.includes("shipping_option")
