import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import { projectClock } from "../../../../lib/clock"

/**
 * The customer token of an assisted session, valid until the session's end.
 * `assistance_ref` (the code's or the session's id) makes it unlike any token
 * of the customer's own sessions: Medusa's tokens carry no id, so two tokens
 * of one identity issued in the same second are otherwise the same string,
 * and the registry would file an assisted refresh under the customer's own
 * (unlimited) session.
 */
export function assistedSessionToken(
  req: MedusaRequest,
  session: { customer_id: string; auth_identity_id: string; ref: string; ends_at: Date }
): { token: string; exp: number } {
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const seconds = Math.max(1, Math.floor((session.ends_at.getTime() - projectClock.now().getTime()) / 1000))
  const token = generateJwtToken(
    {
      actor_id: session.customer_id,
      actor_type: "customer",
      auth_identity_id: session.auth_identity_id,
      // Medusa's refresh route needs a provider; the plugin refreshes assisted sessions itself.
      auth_provider: "emailpass",
      app_metadata: { customer_id: session.customer_id },
      user_metadata: {},
      mfa_enabled: false,
      mfa_challenge_completed_at: null,
      assistance_ref: session.ref,
    },
    { secret: http.jwtSecret!, expiresIn: seconds, jwtOptions: http.jwtOptions }
  )
  return { token, exp: Math.floor(Date.now() / 1000) + seconds }
}
