import { z } from "zod"
import { noNul } from "../../../../lib/text"

export const AdminUpdateCustomerAccountsSettings = z
  .object({ default_group_ids: z.array(z.string().min(1).max(100).refine(...noNul("default_group_ids"))).max(50) })
  .strict()
export type AdminUpdateCustomerAccountsSettingsType = z.infer<typeof AdminUpdateCustomerAccountsSettings>
