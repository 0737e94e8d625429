import { negotiateLocale, type MessageLanguage } from "./locale"
import { translate, type TranslateOptions } from "./translate"
import type { MessageKey, MessageParams } from "./types"

/** The e-mails the plugin sends, with what each needs to know. */
export type EmailParams = {
  passwordReset: {
    first_name: string | null
    reset_url: string
    /** How long Medusa's reset token lives. */
    valid_minutes: number
    requested_by: "customer" | "admin"
  }
  accountLocked: { first_name: string | null; locked_until: string | null }
  emailVerification: {
    /** A new account's address, or the new address a customer is moving their login to. */
    purpose: "registration" | "email_change"
    first_name: string | null
    verify_url: string
    valid_minutes: number
  }
  emailChanged: { first_name: string | null; new_email: string }
  newDeviceLogin: { first_name: string | null; at: string; ip: string | null; device: string | null }
  mfaReset: { first_name: string | null }
  passwordBreached: { first_name: string | null }
  assistanceStarted: { first_name: string | null; staff_name: string | null; reason: string; ends_at: string }
  userAccountLocked: { first_name: string | null; locked_until: string | null }
}
export type EmailName = keyof EmailParams

/** A rendered e-mail, in the language it was written in. */
export type RenderedEmail = {
  /** The tag the texts and dates were written for ("de-DE"); a catalog language. */
  locale: string
  language: MessageLanguage
  subject: string
  text: string
  html: string
}

type Block = { paragraph: string } | { link: { label: string; url: string } }
type Translator = <K extends MessageKey>(key: K, params: MessageParams[K]) => string
type Layout<N extends EmailName> = (t: Translator, params: EmailParams[N]) => { subject: string; blocks: Block[] }

const LAYOUTS: { [N in EmailName]: Layout<N> } = {
  passwordReset: (t, p) => ({
    subject: t("emails.passwordReset.subject", {}),
    blocks: [
      { paragraph: t("emails.greeting", { first_name: p.first_name }) },
      { paragraph: t("emails.passwordReset.intro", { requested_by: p.requested_by }) },
      { link: { label: t("emails.passwordReset.action", {}), url: p.reset_url } },
      { paragraph: t("emails.passwordReset.validity", { valid_minutes: p.valid_minutes }) },
      { paragraph: t("emails.passwordReset.ignore", {}) },
    ],
  }),
  accountLocked: (t, p) => ({
    subject: t("emails.accountLocked.subject", {}),
    blocks: [
      { paragraph: t("emails.greeting", { first_name: p.first_name }) },
      { paragraph: t("emails.accountLocked.body", { locked_until: p.locked_until }) },
      { paragraph: t("emails.accountLocked.resetHint", {}) },
    ],
  }),
  emailVerification: (t, p) => ({
    subject: t("emails.emailVerification.subject", {}),
    blocks: [
      { paragraph: t("emails.greeting", { first_name: p.first_name }) },
      {
        paragraph:
          p.purpose === "email_change"
            ? t("emails.emailVerification.changeIntro", {})
            : t("emails.emailVerification.intro", {}),
      },
      { link: { label: t("emails.emailVerification.action", {}), url: p.verify_url } },
      { paragraph: t("emails.emailVerification.validity", { valid_minutes: p.valid_minutes }) },
      {
        paragraph:
          p.purpose === "email_change"
            ? t("emails.emailVerification.changeIgnore", {})
            : t("emails.emailVerification.ignore", {}),
      },
    ],
  }),
  newDeviceLogin: (t, p) => ({
    subject: t("emails.newDeviceLogin.subject", {}),
    blocks: [
      { paragraph: t("emails.greeting", { first_name: p.first_name }) },
      { paragraph: t("emails.newDeviceLogin.body", { at: p.at, ip: p.ip, device: p.device }) },
      { paragraph: t("emails.newDeviceLogin.hint", {}) },
    ],
  }),
  emailChanged: (t, p) => ({
    subject: t("emails.emailChanged.subject", {}),
    blocks: [
      { paragraph: t("emails.greeting", { first_name: p.first_name }) },
      { paragraph: t("emails.emailChanged.body", { new_email: p.new_email }) },
      { paragraph: t("emails.emailChanged.hint", {}) },
    ],
  }),
  mfaReset: (t, p) => ({
    subject: t("emails.mfaReset.subject", {}),
    blocks: [
      { paragraph: t("emails.greeting", { first_name: p.first_name }) },
      { paragraph: t("emails.mfaReset.body", {}) },
      { paragraph: t("emails.mfaReset.hint", {}) },
    ],
  }),
  assistanceStarted: (t, p) => ({
    subject: t("emails.assistanceStarted.subject", {}),
    blocks: [
      { paragraph: t("emails.greeting", { first_name: p.first_name }) },
      { paragraph: t("emails.assistanceStarted.body", { staff_name: p.staff_name, ends_at: p.ends_at }) },
      { paragraph: t("emails.assistanceStarted.reason", { reason: p.reason }) },
      { paragraph: t("emails.assistanceStarted.hint", {}) },
    ],
  }),
  passwordBreached: (t, p) => ({
    subject: t("emails.passwordBreached.subject", {}),
    blocks: [
      { paragraph: t("emails.greeting", { first_name: p.first_name }) },
      { paragraph: t("emails.passwordBreached.body", {}) },
      { paragraph: t("emails.passwordBreached.action", {}) },
    ],
  }),
  userAccountLocked: (t, p) => ({
    subject: t("emails.userAccountLocked.subject", {}),
    blocks: [
      { paragraph: t("emails.greeting", { first_name: p.first_name }) },
      { paragraph: t("emails.userAccountLocked.body", { locked_until: p.locked_until }) },
      { paragraph: t("emails.userAccountLocked.unlockHint", {}) },
    ],
  }),
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
/** Text made safe for HTML content and attribute values (names and URLs come from outside). */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])

const textOf = (blocks: Block[]) =>
  blocks.map((block) => ("paragraph" in block ? block.paragraph : `${block.link.label}:\n${block.link.url}`)).join("\n\n") +
  "\n"

const htmlOf = (language: string, subject: string, blocks: Block[]) =>
  [
    "<!doctype html>",
    `<html lang="${escapeHtml(language)}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    "<body>",
    ...blocks.map((block) =>
      "paragraph" in block
        ? `<p>${escapeHtml(block.paragraph)}</p>`
        : `<p><a href="${escapeHtml(block.link.url)}">${escapeHtml(block.link.label)}</a></p>`
    ),
    "</body>",
    "</html>",
  ].join("\n")

/**
 * An e-mail's subject, plain text and HTML for a reader of `locale` (tag or
 * candidate tags, best first; English when the catalog speaks none of them).
 *
 * @example
 * renderEmail(["de-DE", "en"], "accountLocked", { first_name: "Jana", locked_until: "2026-11-27T01:52:00Z" }).subject
 * // "Ihr Konto wurde gesperrt"
 */
export function renderEmail<N extends EmailName>(
  locale: string | null | undefined | readonly (string | null | undefined)[],
  name: N,
  params: EmailParams[N],
  options: TranslateOptions = {}
): RenderedEmail {
  const negotiated = negotiateLocale(locale)
  const t: Translator = (key, keyParams) => translate(negotiated.tag, key, keyParams, options)
  const { subject, blocks } = (LAYOUTS[name] as Layout<N>)(t, params)
  return {
    locale: negotiated.tag,
    language: negotiated.language,
    subject,
    text: textOf(blocks),
    html: htmlOf(negotiated.tag, subject, blocks),
  }
}

/** The texts a provider sends as they are (the notification's `content`). */
export const emailContent = (mail: RenderedEmail) => ({
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
})

/** The texts again as notification data, where template providers read them, with their language. */
export const emailData = (mail: RenderedEmail) => ({
  language: mail.language,
  ...emailContent(mail),
})
