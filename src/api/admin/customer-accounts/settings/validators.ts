import { z } from "zod"

export const AdminUpdateCustomerAccountsSettings = z
  .object({ default_group_ids: z.array(z.string().min(1).max(100)).max(50) })
  .strict()
export type AdminUpdateCustomerAccountsSettingsType = z.infer<typeof AdminUpdateCustomerAccountsSettings>
