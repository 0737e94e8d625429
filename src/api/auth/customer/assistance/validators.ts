import { z } from "zod"

export const AuthExchangeAssistanceCode = z.object({ code: z.string().min(1).max(200) }).strict()
export type AuthExchangeAssistanceCodeType = z.infer<typeof AuthExchangeAssistanceCode>
