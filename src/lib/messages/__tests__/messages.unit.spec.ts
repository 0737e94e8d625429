import fs from "node:fs"
import path from "node:path"
import { de } from "../catalog/de"
import { en } from "../catalog/en"
import {
  canonicalLocale,
  messageLanguage,
  negotiateLocale,
  renderEmail,
  systemNoteText,
  translate,
  type MessageKey,
  type MessageParams,
  type SystemNoteKey,
} from ".."

const LOCKED_UNTIL = "2026-11-27T01:52:00.000Z"
/** ICU separates "1:52" and "AM" with a narrow no-break space; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ")

/** One parameter set per system note key (the typecheck fails when a key lacks one). */
const NOTE_PARAMS: { [K in SystemNoteKey]: MessageParams[K] } = {
  "systemNotes.accountLocked": { locked_until: LOCKED_UNTIL, lock_count: 2 },
  "systemNotes.accountLockedNoEnd": { lock_count: 1 },
  "systemNotes.accountUnlocked": { admin: "Ada Admin" },
  "systemNotes.accountUnlockedByPasswordReset": {},
  "systemNotes.lockCountersReset": { admin: "Ada Admin" },
  "systemNotes.ipUnblocked": { ip: "203.0.113.9", admin: "Ada Admin" },
  "systemNotes.ipCountReset": { ip: "203.0.113.9", admin: "Ada Admin" },
  "systemNotes.passwordResetSent": { admin: "Ada Admin" },
  "systemNotes.passwordSet": { admin: "Ada Admin" },
}
const ALL_PARAMS: { [K in MessageKey]: MessageParams[K] } = {
  ...NOTE_PARAMS,
  "emails.greeting": { first_name: "Jane" },
  "emails.passwordReset.subject": {},
  "emails.passwordReset.intro": { requested_by: "customer" },
  "emails.passwordReset.action": {},
  "emails.passwordReset.validity": { valid_minutes: 15 },
  "emails.passwordReset.ignore": {},
  "emails.accountLocked.subject": {},
  "emails.accountLocked.body": { locked_until: LOCKED_UNTIL },
  "emails.accountLocked.resetHint": {},
  "emails.emailVerification.subject": {},
  "emails.emailVerification.intro": {},
  "emails.emailVerification.action": {},
  "emails.emailVerification.validity": { valid_minutes: 15 },
  "emails.emailVerification.ignore": {},
  "emails.emailVerification.changeIntro": {},
  "emails.emailVerification.changeIgnore": {},
  "emails.emailChanged.subject": {},
  "emails.emailChanged.body": { new_email: "jane@new.example" },
  "emails.emailChanged.hint": {},
  "emails.assistanceStarted.subject": {},
  "emails.assistanceStarted.body": { staff_name: "Jane", ends_at: "2026-12-07T10:30:00Z" },
  "emails.assistanceStarted.reason": { reason: "Order help" },
  "emails.assistanceStarted.hint": {},
  "emails.passwordBreached.subject": {},
  "emails.passwordBreached.body": {},
  "emails.passwordBreached.action": {},
  "emails.mfaReset.subject": {},
  "emails.mfaReset.body": {},
  "emails.mfaReset.hint": {},
  "emails.newDeviceLogin.subject": {},
  "emails.newDeviceLogin.body": { at: LOCKED_UNTIL, ip: "203.0.113.9", device: "Firefox on Linux" },
  "emails.newDeviceLogin.hint": {},
  "emails.userAccountLocked.subject": {},
  "emails.userAccountLocked.body": { locked_until: LOCKED_UNTIL },
  "emails.userAccountLocked.unlockHint": {},
}
const KEYS = Object.keys(ALL_PARAMS) as MessageKey[]

describe("locale negotiation", () => {
  it.each([
    ["de-DE", "de", "de-DE"],
    ["de", "de", "de"],
    ["de-de", "de", "de-DE"],
    ["de_AT", "de", "de-AT"],
    [" DE-ch ", "de", "de-CH"],
    ["en-GB", "en", "en-GB"],
    ["fr-FR", "en", "en"],
    ["zh-Hant-TW", "en", "en"],
    ["not a tag!", "en", "en"],
    ["", "en", "en"],
    [null, "en", "en"],
    [undefined, "en", "en"],
  ])("%p -> %s (%s)", (tag, language, formattedWith) => {
    expect(negotiateLocale(tag)).toEqual({ language, tag: formattedWith })
  })

  it("takes the first candidate the catalog speaks, and English when none", () => {
    expect(negotiateLocale(["fr-FR", null, "de-AT", "en"])).toEqual({ language: "de", tag: "de-AT" })
    expect(negotiateLocale(["en-US", "de"])).toEqual({ language: "en", tag: "en-US" })
    expect(negotiateLocale(["fr", "it"])).toEqual({ language: "en", tag: "en" })
    expect(negotiateLocale([])).toEqual({ language: "en", tag: "en" })
  })

  it("canonicalizes tags and names the catalog language of one", () => {
    expect(canonicalLocale("DE-de")).toEqual("de-DE")
    expect(canonicalLocale("en_us")).toEqual("en-US")
    expect(canonicalLocale("en_US!!")).toBeNull()
    expect(messageLanguage("de-Latn-DE")).toEqual("de")
    expect(messageLanguage("fr")).toBeNull()
  })
})

describe("translate", () => {
  it("writes a note in the reader's language, English for others", () => {
    expect(translate("de-DE", "systemNotes.passwordSet", { admin: "Ada" })).toEqual("Passwort gesetzt von Ada")
    expect(translate("en-US", "systemNotes.passwordSet", { admin: "Ada" })).toEqual("Password set by Ada")
    expect(translate("fr-FR", "systemNotes.passwordSet", { admin: "Ada" })).toEqual("Password set by Ada")
  })

  it("formats dates in the reader's locale, in UTC with the zone named, never as a GMT string", () => {
    const english = plain(translate("en", "systemNotes.accountLocked", { locked_until: LOCKED_UNTIL, lock_count: 2 }))
    expect(english).toEqual(
      "Account locked until Nov 27, 2026, 1:52 AM UTC after repeated failed logins (lock #2 in 24 h)."
    )
    const german = plain(translate("de-DE", "emails.accountLocked.body", { locked_until: LOCKED_UNTIL }))
    expect(german).toContain("27. Nov. 2026, 01:52 UTC")
    for (const text of [english, german]) {
      expect(text).not.toContain("GMT")
      expect(text).not.toContain(new Date(LOCKED_UNTIL).toUTCString())
    }
  })

  it("formats dates in the reader's time zone when one is given, and in UTC for an unknown zone", () => {
    const params = { locked_until: LOCKED_UNTIL }
    expect(plain(translate("de", "emails.accountLocked.body", params, { timeZone: "Europe/Berlin" }))).toContain(
      "27. Nov. 2026, 02:52 MEZ"
    )
    expect(plain(translate("en", "emails.accountLocked.body", params, { timeZone: "America/New_York" }))).toContain(
      "Nov 26, 2026, 8:52 PM EST"
    )
    expect(plain(translate("en", "emails.accountLocked.body", params, { timeZone: "Mars/Olympus" }))).toContain(
      "1:52 AM UTC"
    )
  })

  it("shows an unparsable date as given rather than 'Invalid Date'", () => {
    expect(translate("en", "emails.accountLocked.body", { locked_until: "soon" })).toContain("locked until soon.")
  })

  it("has every key in every language, each a distinct non-empty German text", () => {
    for (const key of KEYS) {
      const english = (en[key] as (p: unknown, f: unknown) => string)
      const german = (de[key] as (p: unknown, f: unknown) => string)
      expect(typeof english).toBe("function")
      expect(typeof german).toBe("function")
      const englishText = translate("en", key, ALL_PARAMS[key] as never)
      const germanText = translate("de", key, ALL_PARAMS[key] as never)
      expect(englishText.trim()).not.toEqual("")
      expect(germanText).not.toEqual(englishText)
    }
  })

  it("keeps the English note bodies that earlier versions wrote and the is_system migration recognizes", () => {
    const migration = fs.readFileSync(
      path.join(__dirname, "../../../modules/customer-note/migrations/Migration20261130121014.ts"),
      "utf8"
    )
    const pattern = new RegExp(/"body" ~ '([^']+)'/.exec(migration)![1])
    for (const [key, params] of Object.entries(NOTE_PARAMS)) {
      if (key === "systemNotes.accountUnlockedByPasswordReset" || key === "systemNotes.accountLockedNoEnd") {
        continue // written by the plugin's own author id "system", which the migration also recognizes
      }
      expect(translate("en", key as SystemNoteKey, params as never)).toMatch(pattern)
    }
  })
})

describe("systemNoteText", () => {
  it("keeps the English body and the key with its parameters for other readers", () => {
    expect(systemNoteText("systemNotes.ipUnblocked", { ip: "203.0.113.9", admin: "Ada Admin" })).toEqual({
      body: "Login block on IP 203.0.113.9 lifted by Ada Admin",
      message: { key: "systemNotes.ipUnblocked", params: { ip: "203.0.113.9", admin: "Ada Admin" } },
    })
  })
})

describe("renderEmail", () => {
  const reset = {
    first_name: "Jana",
    reset_url: "https://shop.example/reset?token=abc.def&email=jana%40example.com",
    valid_minutes: 15,
    requested_by: "customer" as const,
  }

  it("writes the reset e-mail in German for a German reader, with the link in text and HTML", () => {
    const mail = renderEmail(["de-DE", "en"], "passwordReset", reset)
    expect(mail).toEqual(
      expect.objectContaining({ locale: "de-DE", language: "de", subject: "Passwort zurücksetzen" })
    )
    expect(mail.text).toContain("Hallo Jana,")
    expect(mail.text).toContain(`Neues Passwort wählen:\n${reset.reset_url}`)
    expect(mail.text).toContain("15 Minuten")
    expect(mail.html).toContain('<html lang="de-DE">')
    expect(mail.html).toContain(
      '<a href="https://shop.example/reset?token=abc.def&amp;email=jana%40example.com">Neues Passwort wählen</a>'
    )
  })

  it("falls back to the next candidate, then English", () => {
    expect(renderEmail(["fr-FR", "de"], "accountLocked", { first_name: null, locked_until: null }).language).toEqual("de")
    const english = renderEmail(["fr-FR"], "accountLocked", { first_name: null, locked_until: LOCKED_UNTIL })
    expect(english).toEqual(expect.objectContaining({ locale: "en", language: "en", subject: "Your account has been locked" }))
    expect(plain(english.text)).toContain("locked until Nov 27, 2026, 1:52 AM UTC.")
  })

  it("escapes names and links in the HTML", () => {
    const mail = renderEmail("en", "passwordReset", {
      ...reset,
      first_name: `<img src=x onerror="alert(1)">`,
      reset_url: `https://shop.example/reset?token="><script>alert(1)</script>`,
    })
    expect(mail.html).not.toContain("<img")
    expect(mail.html).not.toContain("<script")
    expect(mail.html).toContain("Hello &lt;img src=x onerror=&quot;alert(1)&quot;&gt;,")
    expect(mail.text).toContain(`Hello <img src=x onerror="alert(1)">,`)
  })

  it("tells a customer an admin sent the link, and a Back Office user how to get in sooner", () => {
    expect(renderEmail("en", "passwordReset", { ...reset, requested_by: "admin" }).text).toContain(
      "Our customer service sent you this link"
    )
    expect(renderEmail("de", "userAccountLocked", { first_name: "Ada", locked_until: LOCKED_UNTIL }).text).toContain(
      "Ein anderer Admin kann Ihr Konto entsperren"
    )
  })
})
