import { z } from "zod"
import { secretString } from "../../../../utils/request-guards"

/** The current password: a stolen session alone cannot erase an account. */
export const StoreAnonymize = z.object({ password: secretString("password", { min: 1, max: 1024 }) }).strict()
export type StoreAnonymizeType = z.infer<typeof StoreAnonymize>
