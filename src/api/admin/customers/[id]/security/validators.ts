import { z } from "zod"
import { noNul } from "../../../../utils/request-guards"

/** An IP as the lockout stores it (IPv4, IPv6 or IPv4-mapped IPv6). */
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
