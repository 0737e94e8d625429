import { z } from "zod"

export const AdminStartAssistance = z
  .object({
    /** Why staff sign in as the customer: stored, shown on the customer's timeline. */
    reason: z
      .string()
      .trim()
      .min(3, { message: "must be at least 3 characters" })
      .max(500, { message: "must be at most 500 characters" })
      .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text), { message: "must not contain control characters" }),
  })
  .strict()
export type AdminStartAssistanceType = z.infer<typeof AdminStartAssistance>

export const AdminEndAssistance = z
  .object({ session_id: z.string().min(1).max(64).nullish() })
  .strict()
export type AdminEndAssistanceType = z.infer<typeof AdminEndAssistance>
