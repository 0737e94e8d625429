import { createHash } from "node:crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { projectClock } from "../lib/clock"
import { emailContent, emailData, renderEmail, type EmailParams } from "../lib/messages"
import { ACCOUNT_SECURITY_MODULE } from "../modules/account-security"
import { CustomerAccountEvents } from "../lib/events"
import type AccountSecurityModuleService from "../modules/account-security/service"
import { SecurityCounterScopes } from "../modules/account-security/types"
import { customerAccountOf, customerOfIdentity, EMAIL_ENTITY_TYPE } from "../lib/email/verification"
import { isEmailChangeVerification } from "../lib/email/email-change"
import { findEmailpassIdentity, normalizeIdentifier } from "../lib/identity/auth-identity"
import { notificationLocale } from "../lib/customer-preferences/read-preferences"
import { fillLinkTemplate, sendSecretEmail } from "../lib/notifications/stored-notifications"

/** Medusa's `auth.verification_requested` payload (the code in plain text, once). */
type VerificationRequested = {
  metadata?: Record<string, unknown> | null
  entity_id: string
  entity_type: string
  code_provider: string
  auth_identity_id: string
  /** Absent when the address was verified already (Medusa re-emits without a new code). */
  code?: string
  expires_at?: string | Date
}

/** What a stored verification notification shows instead of the link once the provider took it. */
export const REDACTED_VERIFY_URL = "[redacted once delivered: a live verification link]"

/** Medusa's token provider default (`verification.providers[token].options.ttl_seconds`: 900). */
const DEFAULT_VALID_MINUTES = 15

/**
 * E-mails a customer the link that confirms their address, after Medusa
 * issued a verification code (`auth.verification_requested`, entity type
 * `email`), through the Notification module's `email` channel, in their
 * language; then redacts the link in the stored notification, as for reset
 * links. Addresses of no customer account (a Back Office user's) get nothing.
 */
export default async function sendEmailVerification({
  event: { data },
  container,
}: SubscriberArgs<VerificationRequested>) {
  if (data.entity_type !== EMAIL_ENTITY_TYPE || !data.code) {
    return
  }
  // Medusa's `/auth/verification/request` lets any token name any address:
  // only the identity that logs in with the address gets it e-mailed, or
  // the new address of a change the plugin asked for after the password.
  const change = isEmailChangeVerification(container, data)
  if (!change) {
    const login = await findEmailpassIdentity(container, data.entity_id)
    if (login?.auth_identity_id !== data.auth_identity_id) {
      return
    }
  }
  const customer = change
    ? await customerOfIdentity(container, data.auth_identity_id)
    : await customerAccountOf(container, data.entity_id)
  if (!customer) {
    return
  }
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  const {
    emailVerification: { verifyUrl, templateId, maxRequests, windowSeconds },
    defaultLocale,
  } = security.getOptions()
  // Whatever asks (registration, the resend routes, Medusa's own route), an
  // address gets at most the registration's e-mail and `maxRequests` more per window.
  const { allowed } = await security.quotas.consume(
    SecurityCounterScopes.EMAIL_VERIFICATION_MAIL,
    normalizeIdentifier(data.entity_id),
    maxRequests + 1,
    windowSeconds
  )
  if (!allowed) {
    return
  }
  const locale = (await notificationLocale(container, customer.id)) ?? defaultLocale
  const expiresAt = data.expires_at ? new Date(data.expires_at).getTime() : NaN
  const params: EmailParams["emailVerification"] = {
    purpose: change ? "email_change" : "registration",
    // Nobody has verified this address yet: the e-mail carries no text its
    // requester chose (a name could be "Visit evil.example"), so no greeting.
    first_name: null,
    verify_url: fillLinkTemplate(verifyUrl, data.code, data.entity_id),
    valid_minutes: Number.isNaN(expiresAt)
      ? DEFAULT_VALID_MINUTES
      : Math.max(1, Math.round((expiresAt - projectClock.now().getTime()) / 60_000)),
  }
  const mail = renderEmail([locale, defaultLocale], "emailVerification", params)
  const redacted = renderEmail([locale, defaultLocale], "emailVerification", { ...params, verify_url: REDACTED_VERIFY_URL })

  await sendSecretEmail(container, {
    secret: data.code,
    what: "verification e-mail",
    notification: {
      to: data.entity_id,
      channel: "email",
      template: templateId,
      resource_type: "customer",
      resource_id: customer.id,
      content: emailContent(mail),
      data: { email: data.entity_id, verify_url: params.verify_url, locale, ...emailData(mail) },
    },
    redacted: { verify_url: REDACTED_VERIFY_URL, ...emailData(redacted) },
  })
  // Straight on the bus: a subscriber's report that the e-mail went out.
  await container.resolve(Modules.EVENT_BUS).emit({
    name: CustomerAccountEvents.EMAIL_VERIFICATION_SENT,
    data: {
      customer_id: customer.id,
      email: data.entity_id,
      // Names this code's e-mail without carrying the code.
      code_digest: createHash("sha256").update(data.code).digest("hex"),
    },
  })
}

export const config: SubscriberConfig = {
  event: "auth.verification_requested",
  context: { subscriberId: "cam-send-email-verification" },
}
