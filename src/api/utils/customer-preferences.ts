import { z } from "zod"
import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type AuthenticatedMedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { CustomerPreferencesResponse } from "../../types/customer-preference"
import { readCustomerPreferences } from "../../utils/customer-preferences"
import { updateCustomerPreferencesWorkflow } from "../../workflows/customer-preference"
import { assertCustomerExists } from "./customers"

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

type PreferencesRequest = AuthenticatedMedusaRequest<
  UpdateCustomerPreferencesType,
  GetCustomerPreferencesParamsType
>

/**
 * GET and POST handlers for one customer's preferences; the store and admin
 * routes differ only in whose preferences they serve.
 */
export function customerPreferencesHandlers(customerIdOf: (req: PreferencesRequest) => string) {
  const respond = async (req: PreferencesRequest, res: MedusaResponse<CustomerPreferencesResponse>) => {
    const customerId = customerIdOf(req)
    const preferences = await readCustomerPreferences(req.scope, customerId, {
      withShippingOption: wantsShippingOption(req.validatedQuery.fields as string | undefined),
    })
    if (!preferences) {
      throw customerNotFound(customerId)
    }
    res.json({ preferences })
  }

  return {
    GET: respond,
    /** Partial update, then the preferences as they now are. */
    POST: async (req: PreferencesRequest, res: MedusaResponse<CustomerPreferencesResponse>) => {
      const customerId = customerIdOf(req)
      await assertCustomerExists(req.scope, customerId)
      await updateCustomerPreferencesWorkflow(req.scope).run({
        input: { customer_id: customerId, update: req.validatedBody },
      })
      await respond(req, res)
    },
  }
}

const queryConfig = { defaults: [], isList: false }

/** Validation middlewares of a preferences route (GET query, POST body and query). */
export function customerPreferencesRouteMiddlewares(matcher: string): MiddlewareRoute[] {
  return [
    {
      method: ["GET"],
      matcher,
      middlewares: [validateAndTransformQuery(GetCustomerPreferencesParams, queryConfig)],
    },
    {
      method: ["POST"],
      matcher,
      middlewares: [
        validateAndTransformBody(UpdateCustomerPreferencesSchema),
        validateAndTransformQuery(GetCustomerPreferencesParams, queryConfig),
      ],
    },
  ]
}
