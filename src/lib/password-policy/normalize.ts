/**
 * Unicode in passwords (NIST SP 800-63B, 5.1.1.2: "the verifier SHOULD apply
 * the Normalization Process for Stabilized Strings using either the NFKC or
 * NFKD normalization"). Pure code (no Medusa).
 *
 * - {@link normalizePassword} is the form that is checked, hashed, stored in
 *   the history and compared at login: NFKC, so `ｐａｓｓ１` (fullwidth) is
 *   `pass1` and `a` + U+0301 is `á`, however a keyboard or an OS composed
 *   them. The password keeps every other character, zero-width ones included.
 * - {@link comparisonForm} is only for comparing a password with words (the
 *   common-password list, the deny list, the account's own name and e-mail,
 *   the strength estimate): it also drops combining marks and invisible
 *   format characters and lower-cases, so `p\u200Bassword` and `pássword`
 *   are both `password` there. It is never hashed.
 *
 * Hashes stored before normalization keep working: a login whose normalized
 * form does not match tries the password as typed (only when the two differ,
 * i.e. only for passwords with characters NFKC changes), and the next
 * password change stores the normalized form.
 */

/** The form of a password that is checked, hashed and compared (NFKC). */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC")
}

/** Combining marks (accents written as separate code points). */
const COMBINING_MARKS = /\p{M}/gu
/** Invisible format characters: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks. */
const FORMAT_CHARACTERS = /\p{Cf}/gu

/**
 * A password or word as comparisons see it: NFKD, without combining marks
 * and invisible format characters, lower-cased.
 */
export function comparisonForm(text: string): string {
  return text.normalize("NFKD").replace(COMBINING_MARKS, "").replace(FORMAT_CHARACTERS, "").toLowerCase()
}
