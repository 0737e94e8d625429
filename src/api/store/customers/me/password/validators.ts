import { z } from "zod"
import { secretString } from "../../../../utils/request-guards"

export const StoreChangePassword = z
  .object({
    old_password: secretString("old_password", { min: 1, max: 1024 }),
    new_password: secretString("new_password", { min: 1, max: 1024 }),
  })
  .strict()
export type StoreChangePasswordType = z.infer<typeof StoreChangePassword>
