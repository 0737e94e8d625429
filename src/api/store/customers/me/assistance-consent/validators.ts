import { z } from "zod"

export const StoreSetAssistanceConsent = z
  .object({
    allow: z.boolean(),
    /** For this many hours (capped by `assistance.maxConsentHours`, checked in the route); none: until taken back. */
    hours: z.number().int().min(1).nullish(),
  })
  .strict()
export type StoreSetAssistanceConsentType = z.infer<typeof StoreSetAssistanceConsent>
