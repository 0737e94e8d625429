import { z } from "zod"

export const StoreChangePassword = z
  .object({
    old_password: z.string().min(1).max(1024),
    new_password: z.string().min(1).max(1024),
  })
  .strict()
export type StoreChangePasswordType = z.infer<typeof StoreChangePassword>
