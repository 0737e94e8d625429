import { z } from "zod"
import { MAX_IDENTIFIER_LENGTH } from "../../../../../lib/options"
import { secretString } from "../../../../utils/request-guards"

export const StoreChangeEmail = z
  .object({
    email: z
      .string()
      .trim()
      .max(MAX_IDENTIFIER_LENGTH, `email must be at most ${MAX_IDENTIFIER_LENGTH} characters`)
      .pipe(z.email("email must be an e-mail address")),
    /** The current password: a stolen session alone cannot move the login away. */
    password: secretString("password", { min: 1, max: 1024 }),
  })
  .strict()
export type StoreChangeEmailType = z.infer<typeof StoreChangeEmail>
