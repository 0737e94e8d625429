import { z } from "zod"

export const AdminSetCustomerPassword = z
  .object({ password: z.string().min(1).max(1024) })
  .strict()
export type AdminSetCustomerPasswordType = z.infer<typeof AdminSetCustomerPassword>

export const AdminEmptyBody = z.object({}).strict()
