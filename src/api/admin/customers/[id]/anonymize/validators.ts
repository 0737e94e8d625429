import { z } from "zod"
import { MAX_IDENTIFIER_LENGTH } from "../../../../../lib/options"

/** The admin types the customer's current e-mail to confirm an erasure that cannot be undone. */
export const AdminAnonymizeCustomer = z
  .object({
    confirm: z
      .string()
      .trim()
      .min(1, "confirm: type the customer's e-mail address to confirm")
      .max(MAX_IDENTIFIER_LENGTH, `confirm: must be at most ${MAX_IDENTIFIER_LENGTH} characters`),
  })
  .strict()
export type AdminAnonymizeCustomerType = z.infer<typeof AdminAnonymizeCustomer>
