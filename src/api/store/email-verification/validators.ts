import { z } from "zod"
import { MAX_IDENTIFIER_LENGTH } from "../../../lib/options"

export const StoreResendEmailVerification = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, "email is required")
      .max(MAX_IDENTIFIER_LENGTH, `email must be at most ${MAX_IDENTIFIER_LENGTH} characters`)
      .refine((value) => !value.includes("\u0000"), "email must not contain NUL characters"),
  })
  .strict()
export type StoreResendEmailVerificationType = z.infer<typeof StoreResendEmailVerification>
