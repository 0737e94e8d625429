import { z } from "zod"

/** Longer inputs are refused outright: no policy allows them and they cost CPU. */
export const STRENGTH_INPUT_MAX_LENGTH = 1024

export const StorePasswordStrength = z
  .object({
    password: z.string().max(STRENGTH_INPUT_MAX_LENGTH),
    email: z.string().max(320).nullish(),
    first_name: z.string().max(256).nullish(),
    last_name: z.string().max(256).nullish(),
  })
  .strict()
export type StorePasswordStrengthType = z.infer<typeof StorePasswordStrength>
