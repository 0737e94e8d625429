import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { beginAssistedSessionWorkflow } from "../../../../workflows/assistance"
import { tokenHash } from "../../../../modules/account-security/services/session-registry"
import { projectClock } from "../../../../lib/clock"
import { accountSecurity } from "../../../utils/account-security"
import { capabilitiesOfUser } from "../../../utils/staff-permissions"
import { currentSession, sessionSeenFrom, tokenRecordedByRoute } from "../../session-gate"
import { assistedSessionToken } from "./token"
import type { AuthExchangeAssistanceCodeType } from "./validators"

/** One answer for every refusal: the caller learns nothing about which check failed. */
const invalidCode = () => new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid or expired assistance code")

/**
 * The storefront exchanges the one-time code of an assisted session (from
 * the link a Back Office user opened) for the customer's session: `{ token }`,
 * a customer JWT whose session the registry marks as assisted (who, why) and
 * ends after `assistance.maxMinutes`, refresh or not. The code is spent by
 * the first request whatever follows; it is refused when late, used, when
 * the customer's consent no longer holds, when its admin lost the
 * `assistance.start` permission or signed out, and when the request carries
 * another admin's credentials.
 */
export const POST = async (req: MedusaRequest<AuthExchangeAssistanceCodeType>, res: MedusaResponse<{ token: string }>) => {
  const security = accountSecurity(req.scope)
  const assistance = security.assistance
  const code = await assistance.redeem(req.validatedBody.code)
  if (!code) {
    throw invalidCode()
  }
  const caller = currentSession(req)?.claims
  if (caller?.actor_type === "user" && caller.actor_id !== code.user_id) {
    throw invalidCode()
  }
  // One lookup of the admin: a user deleted since the code was made holds no
  // capability here (not what `open` mode grants a secret key).
  const [capabilities, adminSessions, consentHolds] = await Promise.all([
    capabilitiesOfUser(req.scope, code.user_id),
    code.user_session_id ? security.listAccountSessions({ id: code.user_session_id }, { take: 1 }) : Promise.resolve(null),
    assistance.mayAssist(code.customer_id),
  ])
  const now = projectClock.now()
  const adminSessionLive = (session: { revoked_at: Date | null; ends_at: Date } | undefined) =>
    !!session && !session.revoked_at && new Date(session.ends_at) > now
  if (
    !consentHolds ||
    !capabilities?.effective.includes("assistance.start") ||
    (adminSessions !== null && !adminSessionLive(adminSessions[0]))
  ) {
    throw invalidCode()
  }

  const endsAt = assistance.endsAt()
  const { token, exp } = assistedSessionToken(req, {
    customer_id: code.customer_id,
    auth_identity_id: code.auth_identity_id,
    ref: code.id,
    ends_at: endsAt,
  })
  // The session is recorded here, as assisted; the gate must not record the token again.
  tokenRecordedByRoute(req)
  await beginAssistedSessionWorkflow(req.scope).run({
    input: {
      code_id: code.id,
      customer_id: code.customer_id,
      auth_identity_id: code.auth_identity_id,
      user_id: code.user_id,
      reason: code.reason,
      token_hash: tokenHash(token),
      token_exp: exp,
      ends_at: endsAt.toISOString(),
      ...sessionSeenFrom(req),
    },
  })
  res.json({ token })
}
