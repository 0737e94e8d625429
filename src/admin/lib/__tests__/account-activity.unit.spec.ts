import { describe, expect, it } from "@jest/globals"

import {
  ACTIVITY_TYPES,
  type ActivityType,
  type AdminAccountActivity,
} from "../../../types/account-activity"
import {
  SESSION_END_REASONS,
  type SessionEndReason,
  type SessionMethod,
} from "../../../types/account-sessions"
import de from "../../i18n/json/de.json"
import en from "../../i18n/json/en.json"
import {
  describeActivity,
  describeActor,
  type ActivityText,
} from "../account-activity"
import { formatDateTimeWithZone } from "../date-format"
import { USER_AGENT_MAX_LENGTH, shortenUserAgent } from "../user-agent"

const entry = (
  type: ActivityType | string,
  data: Record<string, unknown> = {}
) => ({ type, data }) as Pick<AdminAccountActivity, "type" | "data">

const message = (type: ActivityType | string, data?: Record<string, unknown>) =>
  describeActivity(entry(type, data), "en").message

/** The translation a key names in one of the language files, if any. */
const lookup = (translations: unknown, key: string): unknown =>
  key
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === "object"
          ? (node as Record<string, unknown>)[part]
          : undefined,
      translations
    )

/**
 * The templates a key names: itself, or its plural forms (`_one`, `_other`,
 * which i18next picks by the `count` value) when it has none of its own.
 */
const templates = (translations: unknown, key: string): unknown[] => {
  const own = lookup(translations, key)
  return own === undefined
    ? [lookup(translations, `${key}_one`), lookup(translations, `${key}_other`)]
    : [own]
}

/** A representative `data` per type, as the contract documents it. */
const SAMPLE_DATA: Record<ActivityType, Record<string, unknown>> = {
  "login.succeeded": { actor_type: "customer", factor: "mfa" },
  "login.failed": { actor_type: "customer" },
  "login.refused": { actor_type: "customer", reason: "email_not_verified" },
  "account.locked": { locked_until: "2026-11-27T01:52:00.000Z", lock_count: 2 },
  "account.unlocked": { reason: "admin", was_locked: true },
  "ip.unblocked": { ip: "203.0.113.9", was_blocked: true },
  "password.changed": {},
  "password.reset_requested": { requested_by: "customer" },
  "password.reset_completed": {},
  "password.set_by_admin": {},
  "password.updated": {},
  "email.verification_sent": { email: "jane@example.com" },
  "email.verified": { email: "jane@example.com" },
  "email.change_requested": { to: "jane.doe@example.com" },
  "email.changed": { from: "jane@example.com", to: "jane.doe@example.com" },
  "mfa.enabled": { mfa_id: "authmfa_1", provider: "totp" },
  "mfa.disabled": { mfa_id: "authmfa_1", provider: "totp" },
  "mfa.reset": { factors: [{ id: "authmfa_1", provider: "totp" }] },
  "session.started": { actor_type: "customer", method: "password" },
  "session.revoked": { reason: "signed_out_everywhere", count: 3 },
  "account.exported": { requested_by: "customer" },
  "account.anonymization_requested": {},
  "account.anonymized": {},
  "assistance.started": {
    user_name: "Sam Support",
    reason: "Customer called: cannot find the gift wrap option",
    ends_at: "2026-11-27T02:22:00.000Z",
  },
  "assistance.ended": { ended_by: "expiry" },
  "assistance.order_placed": { order_id: "order_1", display_id: 1042 },
  "assistance.consent_changed": { allowed: true, expires_at: "2026-11-28T01:52:00.000Z" },
  "preferences.updated": {
    changes: [
      { field: "locale", from: "en", to: "de" },
      { field: "sms_marketing", from: false, to: true },
    ],
  },
  "group.joined": { customer_group_id: "cusgroup_1", customer_group_name: "VIP", source: "rule" },
  "group.left": { customer_group_id: "cusgroup_1", customer_group_name: "VIP", source: "manual" },
  "note.created": { note_id: "note_1", pinned: false },
  "note.updated": { note_id: "note_1", pinned: true },
  "note.deleted": { note_id: "note_1", pinned: false },
}

describe("describeActivity", () => {
  const types = Object.keys(ACTIVITY_TYPES) as ActivityType[]

  it.each(types)(
    "gives %s its own line, translated in English and German with every placeholder filled",
    (type) => {
      const { message: line, details } = describeActivity(
        entry(type, SAMPLE_DATA[type]),
        "en"
      )
      expect(line.key).not.toEqual("customerAccounts.activity.messages.unknown")
      for (const text of [line, ...details] as ActivityText[]) {
        for (const translations of [en, de]) {
          for (const template of templates(translations, text.key)) {
            expect(typeof template).toBe("string")
            const placeholders = [
              ...String(template).matchAll(/\{\{(\w+)\}\}/g),
            ].map((match) => match[1])
            for (const name of placeholders) {
              expect(text.values).toHaveProperty(name)
            }
          }
        }
      }
    }
  )

  it("says a note was pinned or unpinned when that was the only change, and edited otherwise", () => {
    const key = (data: Record<string, unknown>) => message("note.updated", data).key
    expect(key({ pinned: true, changed: ["pinned"] })).toBe("customerAccounts.activity.messages.notePinned")
    expect(key({ pinned: false, changed: ["pinned"] })).toBe("customerAccounts.activity.messages.noteUnpinned")
    expect(key({ pinned: true, changed: ["body", "pinned"] })).toBe("customerAccounts.activity.messages.noteUpdated")
    expect(key({ pinned: false, changed: ["body"] })).toBe("customerAccounts.activity.messages.noteUpdated")
    // Entries written before `changed` was recorded.
    expect(key({ pinned: true })).toBe("customerAccounts.activity.messages.noteUpdated")
    for (const translations of [en, de]) {
      const messages = translations.customerAccounts.activity.messages as Record<string, string>
      expect(messages.notePinned).toEqual(expect.any(String))
      expect(messages.noteUnpinned).toEqual(expect.any(String))
    }
  })

  it("tells sign-ins through the admin's route apart", () => {
    expect(message("login.failed", { actor_type: "customer" }).key).toBe(
      "customerAccounts.activity.messages.loginFailed"
    )
    expect(message("login.failed", { actor_type: "user" }).key).toBe(
      "customerAccounts.activity.messages.loginFailedAdmin"
    )
    expect(message("login.succeeded").key).toBe(
      "customerAccounts.activity.messages.loginSucceeded"
    )
  })

  it.each([
    ["login.succeeded", "customer", "loginSucceededMfa"],
    ["login.succeeded", "user", "loginSucceededMfaAdmin"],
    ["login.failed", "customer", "loginFailedMfa"],
    ["login.failed", "user", "loginFailedMfaAdmin"],
  ])("reads %s through the %s route decided by an MFA code as %s", (type, actorType, name) => {
    expect(message(type, { actor_type: actorType, factor: "mfa" }).key).toBe(
      `customerAccounts.activity.messages.${name}`
    )
  })

  it.each([
    [{ actor_type: "customer", reason: "locked" }, "loginRefused"],
    [{ actor_type: "user", reason: "locked" }, "loginRefusedAdmin"],
    // Entries from before the reason was recorded were all refusals by a lock.
    [{ actor_type: "customer" }, "loginRefused"],
    [{ actor_type: "customer", reason: "email_not_verified" }, "loginRefusedEmailNotVerified"],
    [{ actor_type: "user", reason: "email_not_verified" }, "loginRefusedEmailNotVerifiedAdmin"],
  ])("reads login.refused %j as %s", (data, name) => {
    expect(message("login.refused", data).key).toBe(`customerAccounts.activity.messages.${name}`)
  })

  it("names a refusal reason it does not know instead of blaming a lock", () => {
    expect(message("login.refused", { actor_type: "customer", reason: "suspended" })).toEqual({
      key: "customerAccounts.activity.messages.loginRefusedOther",
      values: { reason: "suspended" },
    })
  })

  it("calls a TOTP factor the authenticator app, and another provider by its name", () => {
    expect(message("mfa.enabled", { mfa_id: "authmfa_1", provider: "totp" })).toEqual({
      key: "customerAccounts.activity.messages.mfaEnabledTotp",
      values: {},
    })
    expect(message("mfa.disabled", { mfa_id: "authmfa_1", provider: "totp" }).key).toBe(
      "customerAccounts.activity.messages.mfaDisabledTotp"
    )
    expect(message("mfa.enabled", { mfa_id: "authmfa_2", provider: "webauthn" })).toEqual({
      key: "customerAccounts.activity.messages.mfaEnabled",
      values: { provider: "webauthn" },
    })
    expect(message("mfa.disabled", { mfa_id: "authmfa_2" })).toEqual({
      key: "customerAccounts.activity.messages.mfaDisabled",
      values: { provider: "—" },
    })
  })

  it("says when an admin's MFA reset found no factor and only voided the recovery codes", () => {
    expect(message("mfa.reset", { factors: [{ id: "authmfa_1", provider: "totp" }] }).key).toBe(
      "customerAccounts.activity.messages.mfaReset"
    )
    expect(message("mfa.reset", { factors: [] }).key).toBe(
      "customerAccounts.activity.messages.mfaResetNone"
    )
    expect(message("mfa.reset").key).toBe("customerAccounts.activity.messages.mfaResetNone")
  })

  it.each([
    ["password", "sessionStartedPassword"],
    ["mfa", "sessionStartedMfa"],
    ["registration", "sessionStartedRegistration"],
    ["provider", "sessionStartedProvider"],
    ["adopted", "sessionStartedAdopted"],
    ["assisted", "sessionStartedAssisted"],
  ] satisfies [SessionMethod, string][])(
    "says how a session began: %s as %s, through either sign-in route",
    (method, name) => {
      expect(message("session.started", { actor_type: "customer", method })).toEqual({
        key: `customerAccounts.activity.messages.${name}`,
        values: {},
      })
      expect(message("session.started", { actor_type: "user", method }).key).toBe(
        `customerAccounts.activity.messages.${name}Admin`
      )
    }
  )

  it("names a session method it does not know", () => {
    expect(message("session.started", { actor_type: "customer", method: "passkey" })).toEqual({
      key: "customerAccounts.activity.messages.sessionStartedOther",
      values: { method: "passkey" },
    })
  })

  it.each([
    ["signed_out", "sessionsSignedOut"],
    ["revoked", "sessionsRevoked"],
    ["password_changed", "sessionsEndedByPasswordChange"],
    ["password_reset", "sessionsEndedByPasswordReset"],
    ["password_set_by_admin", "sessionsEndedByPasswordSetByAdmin"],
    ["email_changed", "sessionsEndedByEmailChange"],
    ["mfa_reset", "sessionsEndedByMfaReset"],
    ["anonymized", "sessionsEndedByAnonymization"],
    ["signed_out_everywhere", "sessionsSignedOutEverywhere"],
    ["assistance_ended", "sessionsEndedByAssistanceEnd"],
    ["assistance_expired", "sessionsEndedByAssistanceExpiry"],
  ] satisfies [SessionEndReason, string][])(
    "says why sessions ended: %s as %s, with how many",
    (reason, name) => {
      expect(message("session.revoked", { reason, count: 2 })).toEqual({
        key: `customerAccounts.activity.messages.${name}`,
        values: { count: 2 },
      })
    }
  )

  it("has a text for every reason sessions end, so none reads as unknown", () => {
    for (const reason of SESSION_END_REASONS) {
      expect(message("session.revoked", { reason, count: 1 }).key).not.toBe(
        "customerAccounts.activity.messages.sessionsEndedOther"
      )
    }
  })

  it("names who signed in as the customer, why and until when", () => {
    const endsAt = "2026-11-27T02:22:00.000Z"
    expect(
      message("assistance.started", { user_name: "Sam Support", reason: "Gift wrap", ends_at: endsAt })
    ).toEqual({
      key: "customerAccounts.activity.messages.assistanceStartedUntil",
      values: { user: "Sam Support", reason: "Gift wrap", date: formatDateTimeWithZone(endsAt, "en") },
    })
    // No name recorded: the entry's actor says who.
    const started = describeActivity(
      {
        type: "assistance.started",
        data: { reason: "Gift wrap" },
        actor: { type: "user", id: "user_1", name: "Sam" },
      },
      "en"
    ).message
    expect(started).toEqual({
      key: "customerAccounts.activity.messages.assistanceStarted",
      values: { user: "Sam", reason: "Gift wrap" },
    })
  })

  it.each([
    ["admin", "assistanceEndedByAdmin"],
    ["expiry", "assistanceEndedByExpiry"],
    ["customer", "assistanceEndedByCustomer"],
  ])("says an assisted session ended by %s as %s", (endedBy, name) => {
    expect(message("assistance.ended", { ended_by: endedBy })).toEqual({
      key: `customerAccounts.activity.messages.${name}`,
      values: {},
    })
  })

  it("names an end of assistance it does not know", () => {
    expect(message("assistance.ended", { ended_by: "system" })).toEqual({
      key: "customerAccounts.activity.messages.assistanceEndedOther",
      values: { reason: "system" },
    })
  })

  it("names an assisted order by its number, else by its id", () => {
    expect(message("assistance.order_placed", { order_id: "order_1", display_id: 1042 }).values).toEqual({
      order: "#1042",
    })
    expect(message("assistance.order_placed", { order_id: "order_1" }).values).toEqual({ order: "order_1" })
  })

  it("says whether the customer allowed assisted shopping, until when, or withdrew it", () => {
    const until = "2026-11-28T01:52:00.000Z"
    expect(message("assistance.consent_changed", { allowed: true, expires_at: until })).toEqual({
      key: "customerAccounts.activity.messages.assistanceConsentGrantedUntil",
      values: { date: formatDateTimeWithZone(until, "en") },
    })
    expect(message("assistance.consent_changed", { allowed: true, expires_at: null }).key).toBe(
      "customerAccounts.activity.messages.assistanceConsentGranted"
    )
    expect(message("assistance.consent_changed", { allowed: false, expires_at: null }).key).toBe(
      "customerAccounts.activity.messages.assistanceConsentWithdrawn"
    )
  })

  it("says when an admin signed the customer out everywhere", () => {
    const revoked = {
      type: "session.revoked",
      data: { reason: "signed_out_everywhere", count: 3 },
    } as const
    expect(
      describeActivity({ ...revoked, actor: { type: "user", id: "user_1", name: "Ada" } }, "en")
        .message
    ).toEqual({
      key: "customerAccounts.activity.messages.sessionsSignedOutEverywhereByAdmin",
      values: { count: 3 },
    })
    expect(
      describeActivity({ ...revoked, actor: { type: "customer", id: null, name: null } }, "en")
        .message.key
    ).toBe("customerAccounts.activity.messages.sessionsSignedOutEverywhere")
  })

  it("names a reason sessions ended that it does not know, and a missing count", () => {
    expect(message("session.revoked", { reason: "idle" })).toEqual({
      key: "customerAccounts.activity.messages.sessionsEndedOther",
      values: { reason: "idle", count: "—" },
    })
  })

  it("says who asked for a copy of the customer's data", () => {
    expect(message("account.exported", { requested_by: "customer" }).key).toBe(
      "customerAccounts.activity.messages.accountExported"
    )
    expect(message("account.exported", { requested_by: "admin" }).key).toBe(
      "customerAccounts.activity.messages.accountExportedByAdmin"
    )
  })

  it("reads an erasure request and an anonymization, whoever did it", () => {
    expect(message("account.anonymization_requested")).toEqual({
      key: "customerAccounts.activity.messages.accountAnonymizationRequested",
      values: {},
    })
    expect(message("account.anonymized")).toEqual({
      key: "customerAccounts.activity.messages.accountAnonymized",
      values: {},
    })
  })

  it("names both addresses of a change of sign-in address", () => {
    expect(message("email.change_requested", { to: "new@example.com" })).toEqual({
      key: "customerAccounts.activity.messages.emailChangeRequested",
      values: { to: "new@example.com" },
    })
    expect(message("email.changed", { from: "old@example.com", to: "new@example.com" })).toEqual({
      key: "customerAccounts.activity.messages.emailChanged",
      values: { from: "old@example.com", to: "new@example.com" },
    })
  })

  it("formats the lock's end for the viewer, naming the time zone", () => {
    const lockedUntil = "2026-11-27T01:52:00.000Z"
    const { message: line } = describeActivity(
      entry("account.locked", { locked_until: lockedUntil, lock_count: 2 }),
      "de-DE"
    )
    expect(line).toEqual({
      key: "customerAccounts.activity.messages.accountLocked",
      values: { date: formatDateTimeWithZone(lockedUntil, "de-DE"), number: 2 },
    })
    expect(message("account.locked", { locked_until: lockedUntil }).key).toBe(
      "customerAccounts.activity.messages.accountLockedUntil"
    )
    expect(message("account.locked").key).toBe(
      "customerAccounts.activity.messages.accountLockedNoEnd"
    )
  })

  it.each([
    [{ reason: "admin", was_locked: true }, "accountUnlocked"],
    [{ reason: "admin", was_locked: false }, "lockCountersReset"],
    [{ reason: "password_reset", was_locked: true }, "accountUnlockedByPasswordReset"],
  ])("reads account.unlocked %j as %s", (data, name) => {
    expect(message("account.unlocked", data).key).toBe(
      `customerAccounts.activity.messages.${name}`
    )
  })

  it("names the IP an admin unblocked, or says only its count was reset", () => {
    expect(message("ip.unblocked", { ip: "203.0.113.9", was_blocked: true })).toEqual({
      key: "customerAccounts.activity.messages.ipUnblocked",
      values: { ip: "203.0.113.9" },
    })
    expect(message("ip.unblocked", { ip: "203.0.113.9", was_blocked: false }).key).toBe(
      "customerAccounts.activity.messages.ipCountReset"
    )
  })

  it("says who asked for a reset link", () => {
    expect(message("password.reset_requested", { requested_by: "admin" }).key).toBe(
      "customerAccounts.activity.messages.passwordResetSent"
    )
    expect(message("password.reset_requested", { requested_by: "customer" }).key).toBe(
      "customerAccounts.activity.messages.passwordResetRequested"
    )
  })

  it("names the group and how the customer joined or left it", () => {
    const group = { customer_group_id: "cusgroup_1", customer_group_name: "VIP" }
    expect(message("group.joined", { ...group, source: "rule" })).toEqual({
      key: "customerAccounts.activity.messages.groupJoinedByRule",
      values: { group: "VIP" },
    })
    expect(message("group.joined", { ...group, source: "default" }).key).toBe(
      "customerAccounts.activity.messages.groupJoinedByDefault"
    )
    expect(message("group.joined", { ...group, source: "manual" }).key).toBe(
      "customerAccounts.activity.messages.groupJoined"
    )
    expect(message("group.left", { ...group, source: "rule" }).key).toBe(
      "customerAccounts.activity.messages.groupLeftByRule"
    )
    // A deleted group's name may be gone: its id is better than nothing.
    expect(message("group.left", { customer_group_id: "cusgroup_1", customer_group_name: null }).values).toEqual({
      group: "cusgroup_1",
    })
  })

  it("makes one preference change the line itself", () => {
    expect(
      describeActivity(
        entry("preferences.updated", { changes: [{ field: "locale", from: "en", to: "de" }] }),
        "en"
      )
    ).toEqual({
      message: {
        key: "customerAccounts.activity.messages.localeChanged",
        values: { from: "en", to: "de" },
      },
      details: [],
    })
  })

  it("lists several preference changes under a count", () => {
    const { message: line, details } = describeActivity(
      entry("preferences.updated", {
        changes: [
          { field: "locale", from: null, to: "de-DE" },
          { field: "preferred_shipping_option_id", from: "so_1", to: null },
          { field: "default_billing_address_id", from: "addr_1", to: "addr_2" },
          { field: "email_marketing", from: true, to: false },
          { field: "communication.sms_marketing", from: false, to: true },
        ],
      }),
      "en"
    )
    expect(line).toEqual({
      key: "customerAccounts.activity.messages.preferencesUpdatedMany",
      values: { count: 5 },
    })
    expect(details).toEqual([
      { key: "customerAccounts.activity.messages.localeSet", values: { from: "—", to: "de-DE" } },
      // Ids mean nothing to the reader: the line only says what happened.
      { key: "customerAccounts.activity.messages.shippingOptionCleared", values: {} },
      { key: "customerAccounts.activity.messages.defaultBillingAddressChanged", values: {} },
      { key: "customerAccounts.activity.messages.emailMarketingOff", values: {} },
      { key: "customerAccounts.activity.messages.smsMarketingOn", values: {} },
    ])
  })

  it("shows a preference it does not know by its field name and values", () => {
    expect(
      message("preferences.updated", {
        changes: [{ field: "newsletter_topic", from: "shoes", to: "hats" }],
      })
    ).toEqual({
      key: "customerAccounts.activity.messages.fieldChanged",
      values: { field: "newsletter_topic", from: "shoes", to: "hats" },
    })
  })

  it("still reads when preferences.updated has no usable changes", () => {
    expect(message("preferences.updated", { changes: "garbage" }).key).toBe(
      "customerAccounts.activity.messages.preferencesUpdated"
    )
    expect(message("preferences.updated", { changes: [null, { from: 1 }] }).key).toBe(
      "customerAccounts.activity.messages.preferencesUpdated"
    )
  })

  it("reads a type from a newer server as its raw name", () => {
    expect(message("passkey.added")).toEqual({
      key: "customerAccounts.activity.messages.unknown",
      values: { type: "passkey.added" },
    })
  })

  it("survives an entry without data", () => {
    const withoutData = { type: "account.locked", data: null } as unknown as Pick<
      AdminAccountActivity,
      "type" | "data"
    >
    expect(describeActivity(withoutData, "en").message.key).toBe(
      "customerAccounts.activity.messages.accountLockedNoEnd"
    )
  })
})

describe("describeActor", () => {
  it("names a Back Office user, else their id, else says an admin user", () => {
    expect(describeActor({ type: "user", id: "user_1", name: "Ada Admin" })).toEqual({ name: "Ada Admin" })
    expect(describeActor({ type: "user", id: "user_1", name: null })).toEqual({ name: "user_1" })
    expect(describeActor({ type: "user", id: null, name: null })).toEqual({
      key: "customerAccounts.activity.actors.user",
    })
  })

  it.each(["customer", "system", "rule"] as const)("labels the %s actor", (type) => {
    expect(describeActor({ type, id: "x", name: null })).toEqual({
      key: `customerAccounts.activity.actors.${type}`,
    })
  })
})

describe("shortenUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari 17.5 (macOS)",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Chrome 131 (Windows)",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
      "Edge 131 (Windows)",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64) Firefox/131.0", "Firefox 131 (Linux)"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari 17.5 (iOS)",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Chrome 131 (Android)",
    ],
    ["python-requests/2.32.3", "python-requests 2.32.3"],
    ["curl/8.5.0", "curl 8.5.0"],
    ["node", "node"],
    ["  ", ""],
  ])("shortens %s to %s", (agent, short) => {
    expect(shortenUserAgent(agent)).toBe(short)
  })

  it("cuts an agent it cannot read to the maximum length", () => {
    const agent = `Mozilla/5.0 (compatible; SomeCrawler; +https://example.com/${"x".repeat(80)})`
    const short = shortenUserAgent(agent)
    expect(short.length).toBe(USER_AGENT_MAX_LENGTH)
    expect(short.endsWith("…")).toBe(true)
    expect(agent.startsWith(short.slice(0, -1))).toBe(true)
  })
})
