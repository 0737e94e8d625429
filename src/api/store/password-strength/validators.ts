import { z } from "zod"
import { MAX_LENGTH_CEILING } from "../../../lib/password-policy"
import { noNul } from "../../../lib/text"
import { secretString } from "../../utils/request-guards"

/**
 * Longer inputs are refused outright: no policy allows them (`maxLength`
 * has this ceiling) and they cost CPU.
 */
export const STRENGTH_INPUT_MAX_LENGTH = MAX_LENGTH_CEILING

export const StorePasswordStrength = z
  .object({
    password: secretString("password", { max: STRENGTH_INPUT_MAX_LENGTH }),
    // Looked up as a customer's e-mail (the names are not).
    email: z.string().max(320).refine(...noNul("email")).nullish(),
    first_name: z.string().max(256).nullish(),
    last_name: z.string().max(256).nullish(),
  })
  .strict()
export type StorePasswordStrengthType = z.infer<typeof StorePasswordStrength>
