import { z } from "zod"
import { noNul } from "../../../../utils/request-guards"

/** An IP as the attempt log shows it (matched without regard to case). */
export const AdminUnblockIp = z
  .object({
    ip: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine(...noNul("ip")),
  })
  .strict()
export type AdminUnblockIpType = z.infer<typeof AdminUnblockIp>
