import { z } from "zod"
import { secretString } from "../../../../utils/request-guards"

export const AdminSetCustomerPassword = z
  .object({ password: secretString("password", { min: 1, max: 1024 }) })
  .strict()
export type AdminSetCustomerPasswordType = z.infer<typeof AdminSetCustomerPassword>

export const AdminEmptyBody = z.object({}).strict()
