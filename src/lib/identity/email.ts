/**
 * One identity per address: the canonical form of an e-mail identifier and
 * the syntax every address the plugin stores or sends to must have. Pure
 * code (no Medusa).
 *
 * The canonical form is what makes two spellings "the same address" for the
 * plugin (registration refuses a second identity with the same canonical
 * form; the lockout counts unknown spellings under it):
 *
 * 1. `trim()`: leading and trailing white space (any Unicode space) is never
 *    part of an address, but Medusa stores `entity_id` exactly as sent.
 * 2. Unicode **NFC**, not NFKC: NFC only merges different encodings of the
 *    same character (`é` as one code point or as `e` + combining accent),
 *    which no person can tell apart. NFKC would also fold compatibility
 *    characters (full-width `ｖ`, ligature `ﬁ`, superscripts) into ASCII: that
 *    merges addresses that mail servers deliver to different mailboxes, so a
 *    real second person could be refused, and it is what PostgreSQL's
 *    `normalize(…, NFC)` reproduces exactly for the migration's backfill.
 * 3. `toLowerCase()`: the domain is case-insensitive (RFC 5321 2.4), and
 *    although a local part may be case-sensitive in theory, practically no
 *    provider delivers `Victim@` and `victim@` to different people; Medusa's
 *    own customer e-mails are lower-cased the same way.
 *
 * No other folding (dots, `+tags`): those are provider-specific and name
 * different mailboxes elsewhere.
 */
export function canonicalEmail(value: string): string {
  return value.trim().normalize("NFC").toLowerCase()
}

/** RFC 5321 4.5.3.1: a local part holds at most 64 octets, a domain 255, a path 256 (254 without `<>`). */
export const MAX_EMAIL_LOCAL_PART = 64
export const MAX_EMAIL_DOMAIN = 255
export const MAX_EMAIL_LENGTH = 254

/**
 * Characters that are never part of an address the plugin accepts: ASCII and
 * Unicode controls (CR/LF split mail headers), white space, `,` and `;`
 * (recipient lists), `<` `>` (display names and markup), `"` and `\\`
 * (quoted local parts, which nobody registers but which smuggle the rest)
 * and `(` `)` (comments).
 */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Z}\s,;<>"\\()\[\]]/u

const utf8Length = (value: string) => Buffer.byteLength(value, "utf8")

/**
 * Why `value` is not a syntactically valid e-mail address (a short English
 * reason, no value echoed), or null when it is. Checks the canonical form:
 * surrounding white space is not a reason to refuse.
 *
 * Deliberately syntactic: exactly one `@`, a non-empty local part and a
 * domain with at least one dot and no empty label, none of the characters
 * in {@link FORBIDDEN}, and RFC 5321's lengths (in UTF-8 octets).
 */
export function emailSyntaxError(value: string): string | null {
  const email = canonicalEmail(value)
  if (!email) {
    return "must not be empty"
  }
  if (FORBIDDEN.test(email)) {
    return "must not contain spaces, control characters, commas, semicolons, quotes, brackets or angle brackets"
  }
  const at = email.split("@")
  if (at.length !== 2) {
    return "must contain exactly one @"
  }
  const [local, domain] = at
  if (!local) {
    return "must have a local part before the @"
  }
  if (!domain || !domain.includes(".") || domain.split(".").some((label) => !label)) {
    return "must have a domain such as example.com after the @"
  }
  if (utf8Length(local) > MAX_EMAIL_LOCAL_PART) {
    return `must have at most ${MAX_EMAIL_LOCAL_PART} octets before the @`
  }
  if (utf8Length(domain) > MAX_EMAIL_DOMAIN) {
    return `must have at most ${MAX_EMAIL_DOMAIN} octets after the @`
  }
  if (utf8Length(email) > MAX_EMAIL_LENGTH) {
    return `must be at most ${MAX_EMAIL_LENGTH} octets long`
  }
  return null
}

/** Whether `value` is a syntactically valid e-mail address (see {@link emailSyntaxError}). */
export const isValidEmail = (value: string): boolean => emailSyntaxError(value) === null
