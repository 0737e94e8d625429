import { z } from "zod"
import { canonicalIp } from "../../../../../lib/ip-address"

/**
 * An IP in any spelling (`::FFFF:203.0.113.9`, `2001:DB8:0::1`); the route
 * sees its canonical form, as the lockout stores it.
 */
export const AdminUnblockIp = z
  .object({
    ip: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .transform((ip, context) => {
        const canonical = canonicalIp(ip)
        if (!canonical) {
          context.addIssue({ code: "custom", message: "ip: must be an IPv4 or IPv6 address" })
          return z.NEVER
        }
        return canonical
      }),
  })
  .strict()
export type AdminUnblockIpType = z.infer<typeof AdminUnblockIp>
