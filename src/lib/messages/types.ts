/**
 * Every text the server writes, by key, with the parameters it takes. Dates
 * are ISO 8601 strings (as events carry them and JSON stores them): each
 * language formats them for its reader.
 */
export type MessageParams = {
  // System notes: audit entries on a customer, written for security actions.
  // The admin shows them in the viewer's language from the same keys
  // (admin i18n `customerAccounts.systemNotes.*`); `body` keeps the English.
  "systemNotes.accountLocked": { locked_until: string; lock_count: number }
  /** A lock without a known end (the lockout always sets one; kept for odd events). */
  "systemNotes.accountLockedNoEnd": { lock_count: number }
  "systemNotes.accountUnlocked": { admin: string }
  "systemNotes.accountUnlockedByPasswordReset": Record<string, never>
  "systemNotes.lockCountersReset": { admin: string }
  "systemNotes.ipUnblocked": { ip: string; admin: string }
  "systemNotes.ipCountReset": { ip: string; admin: string }
  "systemNotes.passwordResetSent": { admin: string }
  "systemNotes.passwordSet": { admin: string }

  // E-mails.
  "emails.greeting": { first_name: string | null }
  "emails.passwordReset.subject": Record<string, never>
  "emails.passwordReset.intro": { requested_by: "customer" | "admin" }
  "emails.passwordReset.action": Record<string, never>
  "emails.passwordReset.validity": { valid_minutes: number }
  "emails.passwordReset.ignore": Record<string, never>
  "emails.accountLocked.subject": Record<string, never>
  "emails.accountLocked.body": { locked_until: string | null }
  "emails.accountLocked.resetHint": Record<string, never>
  "emails.emailVerification.subject": Record<string, never>
  "emails.emailVerification.intro": Record<string, never>
  "emails.emailVerification.action": Record<string, never>
  "emails.emailVerification.validity": { valid_minutes: number }
  "emails.emailVerification.ignore": Record<string, never>
  "emails.emailVerification.changeIntro": Record<string, never>
  "emails.emailVerification.changeIgnore": Record<string, never>
  "emails.emailChanged.subject": Record<string, never>
  "emails.emailChanged.body": { new_email: string }
  "emails.emailChanged.hint": Record<string, never>
  "emails.assistanceStarted.subject": Record<string, never>
  "emails.assistanceStarted.body": { staff_name: string | null; ends_at: string }
  "emails.assistanceStarted.reason": { reason: string }
  "emails.assistanceStarted.hint": Record<string, never>
  "emails.passwordBreached.subject": Record<string, never>
  "emails.passwordBreached.body": Record<string, never>
  "emails.passwordBreached.action": Record<string, never>
  "emails.mfaReset.subject": Record<string, never>
  "emails.mfaReset.body": Record<string, never>
  "emails.mfaReset.hint": Record<string, never>
  "emails.newDeviceLogin.subject": Record<string, never>
  "emails.newDeviceLogin.body": { at: string; ip: string | null; device: string | null }
  "emails.newDeviceLogin.hint": Record<string, never>
  "emails.userAccountLocked.subject": Record<string, never>
  "emails.userAccountLocked.body": { locked_until: string | null }
  "emails.userAccountLocked.unlockHint": Record<string, never>
}

export type MessageKey = keyof MessageParams

/** What a catalog entry may call to format its parameters for its reader. */
export type MessageFormatters = {
  /** A date and time in the reader's locale, with its time zone named ("Nov 27, 2026, 1:52 AM UTC"). */
  dateTime(iso: string): string
}

export type MessageTemplate<K extends MessageKey> = (params: MessageParams[K], format: MessageFormatters) => string

/** One language's texts: every key, or the typecheck fails. */
export type MessageCatalog = { [K in MessageKey]: MessageTemplate<K> }

/** The keys of system notes. */
export type SystemNoteKey = Extract<MessageKey, `systemNotes.${string}`>

/**
 * A system note's text as data, stored with the note (`customer_note.message`)
 * so that every reader gets it in their own language.
 */
export type SystemNoteMessage = {
  [K in SystemNoteKey]: { key: K; params: MessageParams[K] }
}[SystemNoteKey]
