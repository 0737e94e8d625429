import type {
  ActivityKind,
  AdminAccountActivity,
  AdminAccountActivityActor,
} from "../../types/account-activity"
import type {
  SessionEndReason,
  SessionMethod,
} from "../../types/account-sessions"
import { formatDateTimeWithZone } from "./date-format"

/** Entries per "Show more" page (also the sign-ins rows per page). */
export const ACCOUNT_ACTIVITY_PAGE_SIZE = 5

/** The timeline's filter: one kind, or every kind. */
export type ActivityKindFilter = ActivityKind | "all"

/**
 * What the Activity card shows: the timeline (one kind or all), or the
 * account's sign-in attempts from the lockout's log (`signIns`), which also
 * holds what the timeline has no entry for (refused attempts per minute,
 * attempts through the admin's route on the same address).
 */
export type ActivityFilter = ActivityKindFilter | "signIns"

/** Messages of the timeline, under `customerAccounts.activity.messages`. */
type ActivityMessageName =
  | "loginSucceeded"
  | "loginSucceededAdmin"
  | "loginSucceededMfa"
  | "loginSucceededMfaAdmin"
  | "loginFailed"
  | "loginFailedAdmin"
  | "loginFailedMfa"
  | "loginFailedMfaAdmin"
  | "loginRefused"
  | "loginRefusedAdmin"
  | "loginRefusedEmailNotVerified"
  | "loginRefusedEmailNotVerifiedAdmin"
  | "loginRefusedOther"
  | "accountLocked"
  | "accountLockedUntil"
  | "accountLockedNoEnd"
  | "accountUnlocked"
  | "accountUnlockedByPasswordReset"
  | "lockCountersReset"
  | "ipUnblocked"
  | "ipCountReset"
  | "passwordChanged"
  | "passwordResetRequested"
  | "passwordResetSent"
  | "passwordResetCompleted"
  | "passwordSetByAdmin"
  | "passwordUpdated"
  | "emailVerificationSent"
  | "emailVerified"
  | "emailChangeRequested"
  | "emailChanged"
  | "mfaEnabled"
  | "mfaEnabledTotp"
  | "mfaDisabled"
  | "mfaDisabledTotp"
  | "mfaReset"
  | "mfaResetNone"
  | "sessionStartedPassword"
  | "sessionStartedPasswordAdmin"
  | "sessionStartedMfa"
  | "sessionStartedMfaAdmin"
  | "sessionStartedRegistration"
  | "sessionStartedRegistrationAdmin"
  | "sessionStartedProvider"
  | "sessionStartedProviderAdmin"
  | "sessionStartedAdopted"
  | "sessionStartedAdoptedAdmin"
  | "sessionStartedAssisted"
  | "sessionStartedAssistedAdmin"
  | "sessionStartedOther"
  | "sessionStartedOtherAdmin"
  | "sessionsSignedOut"
  | "sessionsRevoked"
  | "sessionsEndedByPasswordChange"
  | "sessionsEndedByPasswordReset"
  | "sessionsEndedByPasswordSetByAdmin"
  | "sessionsEndedByEmailChange"
  | "sessionsEndedByMfaReset"
  | "sessionsEndedByAnonymization"
  | "sessionsSignedOutEverywhere"
  | "sessionsSignedOutEverywhereByAdmin"
  | "sessionsEndedByAssistanceEnd"
  | "sessionsEndedByAssistanceExpiry"
  | "sessionsEndedOther"
  | "accountExported"
  | "accountExportedByAdmin"
  | "accountAnonymizationRequested"
  | "accountAnonymized"
  | "assistanceStarted"
  | "assistanceStartedUntil"
  | "assistanceEndedByAdmin"
  | "assistanceEndedByExpiry"
  | "assistanceEndedByCustomer"
  | "assistanceEndedOther"
  | "assistanceOrderPlaced"
  | "assistanceConsentGranted"
  | "assistanceConsentGrantedUntil"
  | "assistanceConsentWithdrawn"
  | "preferencesUpdated"
  | "preferencesUpdatedMany"
  | "localeChanged"
  | "localeSet"
  | "localeCleared"
  | "shippingOptionChanged"
  | "shippingOptionSet"
  | "shippingOptionCleared"
  | "defaultShippingAddressChanged"
  | "defaultShippingAddressSet"
  | "defaultShippingAddressCleared"
  | "defaultBillingAddressChanged"
  | "defaultBillingAddressSet"
  | "defaultBillingAddressCleared"
  | "emailMarketingOn"
  | "emailMarketingOff"
  | "smsMarketingOn"
  | "smsMarketingOff"
  | "fieldChanged"
  | "fieldSet"
  | "fieldCleared"
  | "groupJoined"
  | "groupJoinedByRule"
  | "groupJoinedByDefault"
  | "groupLeft"
  | "groupLeftByRule"
  | "noteCreated"
  | "noteUpdated"
  | "notePinned"
  | "noteUnpinned"
  | "noteDeleted"
  | "unknown"

export type ActivityMessageKey =
  `customerAccounts.activity.messages.${ActivityMessageName}`

/** One line in the viewer's language: an i18n key and the values to fill in. */
export type ActivityText = {
  key: ActivityMessageKey
  values: Record<string, string | number>
}

/**
 * What the timeline says about an entry: its line and, when one line cannot
 * say it all (several preferences changed at once), one line per detail.
 */
export type ActivityDescription = {
  message: ActivityText
  details: ActivityText[]
}

const text = (
  name: ActivityMessageName,
  values: ActivityText["values"] = {}
): ActivityText => ({
  key: `customerAccounts.activity.messages.${name}`,
  values,
})

type ActivityData = AdminAccountActivity["data"]

const readString = (data: ActivityData, name: string): string | null => {
  const value = data[name]
  return typeof value === "string" && value.trim() ? value : null
}

const readNumber = (data: ActivityData, name: string): number | null => {
  const value = data[name]
  return typeof value === "number" && Number.isFinite(value) ? value : null
}

/** Placeholder for a value an entry should hold but does not. */
const MISSING = "—"

/** A value of an unknown preference, as plain text. */
const showValue = (value: unknown): string => {
  if (typeof value === "string") {
    return value
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value)
  }
  return JSON.stringify(value) ?? MISSING
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === ""

type ChangeNames = {
  changed: ActivityMessageName
  set: ActivityMessageName
  cleared: ActivityMessageName
}

/**
 * How each preference's change reads. A language shows both tags; the
 * others hold ids (an address, a shipping option) that mean nothing to the
 * reader, so their lines only say what happened; the consents are on/off.
 */
const PREFERENCE_CHANGES: Record<
  string,
  | { type: "value"; names: ChangeNames }
  | { type: "reference"; names: ChangeNames }
  | { type: "consent"; on: ActivityMessageName; off: ActivityMessageName }
> = {
  locale: {
    type: "value",
    names: { changed: "localeChanged", set: "localeSet", cleared: "localeCleared" },
  },
  preferred_shipping_option_id: {
    type: "reference",
    names: {
      changed: "shippingOptionChanged",
      set: "shippingOptionSet",
      cleared: "shippingOptionCleared",
    },
  },
  default_shipping_address_id: {
    type: "reference",
    names: {
      changed: "defaultShippingAddressChanged",
      set: "defaultShippingAddressSet",
      cleared: "defaultShippingAddressCleared",
    },
  },
  default_billing_address_id: {
    type: "reference",
    names: {
      changed: "defaultBillingAddressChanged",
      set: "defaultBillingAddressSet",
      cleared: "defaultBillingAddressCleared",
    },
  },
  email_marketing: { type: "consent", on: "emailMarketingOn", off: "emailMarketingOff" },
  sms_marketing: { type: "consent", on: "smsMarketingOn", off: "smsMarketingOff" },
}

const GENERIC_CHANGE: ChangeNames = {
  changed: "fieldChanged",
  set: "fieldSet",
  cleared: "fieldCleared",
}

/** One `{ field, from, to }` of `preferences.updated` as a line. */
export const describePreferenceChange = (change: unknown): ActivityText | null => {
  if (!change || typeof change !== "object") {
    return null
  }
  const { field, from, to } = change as Record<string, unknown>
  if (typeof field !== "string" || !field) {
    return null
  }
  // The consents live under `communication` in the API: accept either spelling.
  const name = field.replace(/^communication\./, "")
  const known = PREFERENCE_CHANGES[name]

  if (known?.type === "consent") {
    return text(to === true ? known.on : known.off)
  }

  const names = known ? known.names : GENERIC_CHANGE
  const showsValues = !known || known.type === "value"
  const values: ActivityText["values"] = known ? {} : { field }
  if (showsValues) {
    values.from = isEmpty(from) ? MISSING : showValue(from)
    values.to = isEmpty(to) ? MISSING : showValue(to)
  }
  if (isEmpty(to)) {
    return text(names.cleared, values)
  }
  return text(isEmpty(from) ? names.set : names.changed, values)
}

const describePreferences = (data: ActivityData): ActivityDescription => {
  const changes = Array.isArray(data.changes) ? data.changes : []
  const lines = changes
    .map(describePreferenceChange)
    .filter((line): line is ActivityText => line !== null)

  if (lines.length === 1) {
    return { message: lines[0], details: [] }
  }
  if (lines.length === 0) {
    return { message: text("preferencesUpdated"), details: [] }
  }
  return {
    message: text("preferencesUpdatedMany", { count: lines.length }),
    details: lines,
  }
}

/** `login.*` through the admin's sign-in route (`actor_type: "user"`) says so. */
const viaAdmin = (data: ActivityData) => readString(data, "actor_type") === "user"

/** The customer's sign-in route, or the admin's (see `viaAdmin`). */
type LoginNames = { customer: ActivityMessageName; admin: ActivityMessageName }

const loginText = (
  data: ActivityData,
  names: LoginNames,
  values: ActivityText["values"] = {}
): ActivityText => text(viaAdmin(data) ? names.admin : names.customer, values)

/** An MFA code, not the password, decided a `login.succeeded` or `login.failed`. */
const byMfaCode = (data: ActivityData) => readString(data, "factor") === "mfa"

/**
 * Why a login was refused: a lock on the account or the IP (`locked`, also
 * entries from before the reason was recorded), or an address not verified
 * while the shop requires it; a reason this build does not know by name.
 */
const describeRefusal = (data: ActivityData): ActivityText => {
  const reason = readString(data, "reason") ?? "locked"
  switch (reason) {
    case "locked":
      return loginText(data, { customer: "loginRefused", admin: "loginRefusedAdmin" })
    case "email_not_verified":
      return loginText(data, {
        customer: "loginRefusedEmailNotVerified",
        admin: "loginRefusedEmailNotVerifiedAdmin",
      })
    default:
      return text("loginRefusedOther", { reason })
  }
}

/**
 * A factor the customer turned on or off: Medusa's TOTP reads as the
 * authenticator app, another provider (a host's own) by its name.
 */
const describeMfaFactor = (
  data: ActivityData,
  names: { totp: ActivityMessageName; other: ActivityMessageName }
): ActivityText => {
  const provider = readString(data, "provider")
  return provider === "totp"
    ? text(names.totp)
    : text(names.other, { provider: provider ?? MISSING })
}

/** An admin's MFA reset: the factors it removed, or none (only the recovery codes were voided). */
const describeMfaReset = (data: ActivityData): ActivityText =>
  text(Array.isArray(data.factors) && data.factors.length > 0 ? "mfaReset" : "mfaResetNone")

/** How a session began, per sign-in route (see `viaAdmin`). */
const SESSION_STARTED: Record<SessionMethod, LoginNames> = {
  password: { customer: "sessionStartedPassword", admin: "sessionStartedPasswordAdmin" },
  mfa: { customer: "sessionStartedMfa", admin: "sessionStartedMfaAdmin" },
  registration: {
    customer: "sessionStartedRegistration",
    admin: "sessionStartedRegistrationAdmin",
  },
  provider: { customer: "sessionStartedProvider", admin: "sessionStartedProviderAdmin" },
  adopted: { customer: "sessionStartedAdopted", admin: "sessionStartedAdoptedAdmin" },
  assisted: { customer: "sessionStartedAssisted", admin: "sessionStartedAssistedAdmin" },
}

const isSessionMethod = (value: string): value is SessionMethod =>
  Object.prototype.hasOwnProperty.call(SESSION_STARTED, value)

/** A session began, and how; a method this build does not know reads as its name. */
const describeSessionStarted = (data: ActivityData): ActivityText => {
  const method = readString(data, "method")
  if (method && isSessionMethod(method)) {
    return loginText(data, SESSION_STARTED[method])
  }
  return loginText(
    data,
    { customer: "sessionStartedOther", admin: "sessionStartedOtherAdmin" },
    { method: method ?? MISSING }
  )
}

/** Why sessions ended, but "Sign out everywhere", whose wording depends on who did it. */
const SESSIONS_ENDED: Record<
  Exclude<SessionEndReason, "signed_out_everywhere">,
  ActivityMessageName
> = {
  signed_out: "sessionsSignedOut",
  revoked: "sessionsRevoked",
  password_changed: "sessionsEndedByPasswordChange",
  password_reset: "sessionsEndedByPasswordReset",
  password_set_by_admin: "sessionsEndedByPasswordSetByAdmin",
  email_changed: "sessionsEndedByEmailChange",
  mfa_reset: "sessionsEndedByMfaReset",
  anonymized: "sessionsEndedByAnonymization",
  assistance_ended: "sessionsEndedByAssistanceEnd",
  assistance_expired: "sessionsEndedByAssistanceExpiry",
}

const isSessionsEndedReason = (value: string): value is keyof typeof SESSIONS_ENDED =>
  Object.prototype.hasOwnProperty.call(SESSIONS_ENDED, value)

/**
 * Sessions ended, why and how many ("Signed out everywhere by an admin: 3
 * sessions ended"); `count` picks the plural. "Sign out everywhere" names an
 * admin when a Back Office user did it; the customer's own reads without
 * (the actor line says who). A reason this build does not know reads as its
 * name.
 */
const describeSessionsRevoked = (
  data: ActivityData,
  actor: AdminAccountActivityActor | null | undefined
): ActivityText => {
  const reason = readString(data, "reason")
  const count = readNumber(data, "count") ?? MISSING
  if (reason === "signed_out_everywhere") {
    return text(
      actor?.type === "user"
        ? "sessionsSignedOutEverywhereByAdmin"
        : "sessionsSignedOutEverywhere",
      { count }
    )
  }
  if (reason && isSessionsEndedReason(reason)) {
    return text(SESSIONS_ENDED[reason], { count })
  }
  return text("sessionsEndedOther", { reason: reason ?? MISSING, count })
}

/**
 * A Back Office user signed in as the customer: who (the name recorded when
 * it started, else the entry's actor), why, and until when.
 */
const describeAssistanceStarted = (
  data: ActivityData,
  actor: AdminAccountActivityActor | null | undefined,
  locale: string
): ActivityText => {
  const user =
    readString(data, "user_name") ?? (actor?.name?.trim() || actor?.id) ?? MISSING
  const reason = readString(data, "reason") ?? MISSING
  const endsAt = readString(data, "ends_at")
  return endsAt
    ? text("assistanceStartedUntil", {
        user,
        reason,
        date: formatDateTimeWithZone(endsAt, locale),
      })
    : text("assistanceStarted", { user, reason })
}

/** Who or what ended an assisted session; a cause this build does not know reads as its name. */
const ASSISTANCE_ENDED: Record<string, ActivityMessageName> = {
  admin: "assistanceEndedByAdmin",
  expiry: "assistanceEndedByExpiry",
  customer: "assistanceEndedByCustomer",
}

const describeAssistanceEnded = (data: ActivityData): ActivityText => {
  const endedBy = readString(data, "ended_by")
  if (endedBy && Object.prototype.hasOwnProperty.call(ASSISTANCE_ENDED, endedBy)) {
    return text(ASSISTANCE_ENDED[endedBy])
  }
  return text("assistanceEndedOther", { reason: endedBy ?? MISSING })
}

/** The order by its number (`#1042`), else by its id. */
const describeAssistedOrder = (data: ActivityData): ActivityText => {
  const displayId = readNumber(data, "display_id") ?? readString(data, "display_id")
  return text("assistanceOrderPlaced", {
    order:
      displayId !== null
        ? `#${displayId}`
        : readString(data, "order_id") ?? MISSING,
  })
}

/** The customer allowed assisted shopping (until a date, or until withdrawn), or withdrew it. */
const describeAssistanceConsent = (data: ActivityData, locale: string): ActivityText => {
  if (data.allowed !== true) {
    return text("assistanceConsentWithdrawn")
  }
  const expiresAt = readString(data, "expires_at")
  return expiresAt
    ? text("assistanceConsentGrantedUntil", {
        date: formatDateTimeWithZone(expiresAt, locale),
      })
    : text("assistanceConsentGranted")
}

const describeGroup = (
  data: ActivityData,
  names: { manual: ActivityMessageName; rule: ActivityMessageName; default: ActivityMessageName }
): ActivityText => {
  const group =
    readString(data, "customer_group_name") ??
    readString(data, "customer_group_id") ??
    MISSING
  const source = readString(data, "source")
  const name =
    source === "rule" ? names.rule : source === "default" ? names.default : names.manual
  return text(name, { group })
}

const describeLock = (data: ActivityData, locale: string): ActivityText => {
  const lockedUntil = readString(data, "locked_until")
  const lockCount = readNumber(data, "lock_count")
  if (!lockedUntil) {
    return text("accountLockedNoEnd")
  }
  const date = formatDateTimeWithZone(lockedUntil, locale)
  return lockCount === null
    ? text("accountLockedUntil", { date })
    : text("accountLocked", { date, number: lockCount })
}

const line = (message: ActivityText): ActivityDescription => ({
  message,
  details: [],
})

/**
 * How the timeline describes an entry in the viewer's language: the i18n key
 * of its line and the values to fill in, read from the entry's `data` (see
 * `AdminAccountActivity`) and, where the wording depends on who did it, its
 * actor; dates are formatted for `locale` (a BCP 47 tag, see date-format
 * `toIntlLocale`). A type this admin does not know yet (a newer server)
 * reads as its raw name.
 *
 * @example
 * const { message } = describeActivity(entry, "en")
 * t(message.key, message.values) // "Account locked until Nov 27, 2026, 2:52 AM GMT+1 (lock #2 in 24 h)"
 */
export const describeActivity = (
  activity: Pick<AdminAccountActivity, "type" | "data"> &
    Partial<Pick<AdminAccountActivity, "actor">>,
  locale: string
): ActivityDescription => {
  const data: ActivityData =
    activity.data && typeof activity.data === "object" ? activity.data : {}
  // A string, not the typed union: the server may know types this build does not.
  const type: string = activity.type

  switch (type) {
    case "login.succeeded":
      return line(
        loginText(
          data,
          byMfaCode(data)
            ? { customer: "loginSucceededMfa", admin: "loginSucceededMfaAdmin" }
            : { customer: "loginSucceeded", admin: "loginSucceededAdmin" }
        )
      )
    case "login.failed":
      return line(
        loginText(
          data,
          byMfaCode(data)
            ? { customer: "loginFailedMfa", admin: "loginFailedMfaAdmin" }
            : { customer: "loginFailed", admin: "loginFailedAdmin" }
        )
      )
    case "login.refused":
      return line(describeRefusal(data))
    case "account.locked":
      return line(describeLock(data, locale))
    case "account.unlocked":
      if (readString(data, "reason") === "password_reset") {
        return line(text("accountUnlockedByPasswordReset"))
      }
      // Unlocking an account that was not locked only cleared its counters.
      return line(text(data.was_locked === false ? "lockCountersReset" : "accountUnlocked"))
    case "ip.unblocked":
      return line(
        text(data.was_blocked === false ? "ipCountReset" : "ipUnblocked", {
          ip: readString(data, "ip") ?? MISSING,
        })
      )
    case "password.changed":
      return line(text("passwordChanged"))
    case "password.reset_requested":
      return line(
        text(
          readString(data, "requested_by") === "admin"
            ? "passwordResetSent"
            : "passwordResetRequested"
        )
      )
    case "password.reset_completed":
      return line(text("passwordResetCompleted"))
    case "password.set_by_admin":
      return line(text("passwordSetByAdmin"))
    case "password.updated":
      return line(text("passwordUpdated"))
    case "email.verification_sent":
      return line(text("emailVerificationSent", { email: readString(data, "email") ?? "" }))
    case "email.verified":
      return line(text("emailVerified", { email: readString(data, "email") ?? "" }))
    case "email.change_requested":
      return line(text("emailChangeRequested", { to: readString(data, "to") ?? MISSING }))
    case "email.changed":
      return line(
        text("emailChanged", {
          from: readString(data, "from") ?? MISSING,
          to: readString(data, "to") ?? MISSING,
        })
      )
    case "mfa.enabled":
      return line(describeMfaFactor(data, { totp: "mfaEnabledTotp", other: "mfaEnabled" }))
    case "mfa.disabled":
      return line(describeMfaFactor(data, { totp: "mfaDisabledTotp", other: "mfaDisabled" }))
    case "mfa.reset":
      return line(describeMfaReset(data))
    case "session.started":
      return line(describeSessionStarted(data))
    case "session.revoked":
      return line(describeSessionsRevoked(data, activity.actor))
    case "account.exported":
      return line(
        text(
          readString(data, "requested_by") === "admin"
            ? "accountExportedByAdmin"
            : "accountExported"
        )
      )
    case "account.anonymization_requested":
      return line(text("accountAnonymizationRequested"))
    case "account.anonymized":
      // Who did it (an admin, or the customer by self-service) is the entry's actor.
      return line(text("accountAnonymized"))
    case "assistance.started":
      return line(describeAssistanceStarted(data, activity.actor, locale))
    case "assistance.ended":
      return line(describeAssistanceEnded(data))
    case "assistance.order_placed":
      return line(describeAssistedOrder(data))
    case "assistance.consent_changed":
      return line(describeAssistanceConsent(data, locale))
    case "preferences.updated":
      return describePreferences(data)
    case "group.joined":
      return line(
        describeGroup(data, {
          manual: "groupJoined",
          rule: "groupJoinedByRule",
          default: "groupJoinedByDefault",
        })
      )
    case "group.left":
      return line(
        describeGroup(data, {
          manual: "groupLeft",
          rule: "groupLeftByRule",
          // Nobody leaves a group "by default": a plain departure.
          default: "groupLeft",
        })
      )
    case "note.created":
      return line(text("noteCreated"))
    case "note.updated": {
      // Pinning alone is no edit of the text: say what happened.
      const changed = Array.isArray(data.changed) ? data.changed : []
      if (changed.length === 1 && changed[0] === "pinned" && typeof data.pinned === "boolean") {
        return line(text(data.pinned ? "notePinned" : "noteUnpinned"))
      }
      return line(text("noteUpdated"))
    }
    case "note.deleted":
      return line(text("noteDeleted"))
    default:
      return line(text("unknown", { type }))
  }
}

/** Actor labels, under `customerAccounts.activity.actors`. */
export type ActivityActorKey = `customerAccounts.activity.actors.${
  | "customer"
  | "user"
  | "system"
  | "rule"}`

/** Who caused an entry: a Back Office user's name as is, anyone else translated. */
export type ActivityActorLabel = { name: string } | { key: ActivityActorKey }

/**
 * The customer, a Back Office user (name, else their id once the user is
 * gone), the plugin ("System") or a group rule.
 */
export const describeActor = (
  actor: AdminAccountActivityActor | null | undefined
): ActivityActorLabel => {
  switch (actor?.type) {
    case "customer":
      return { key: "customerAccounts.activity.actors.customer" }
    case "user": {
      const name = actor.name?.trim() || actor.id
      return name ? { name } : { key: "customerAccounts.activity.actors.user" }
    }
    case "rule":
      return { key: "customerAccounts.activity.actors.rule" }
    default:
      return { key: "customerAccounts.activity.actors.system" }
  }
}
