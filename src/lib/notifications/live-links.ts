/**
 * Live links in what the admin API shows of stored notifications. A reset
 * or verification e-mail's notification holds its link from Medusa's insert
 * until the plugin redacts it after delivery (milliseconds, but a poller
 * catches them): the admin API never shows one, whatever `fields` ask for.
 * Pure code (no Medusa).
 */

/** What an admin sees instead of a link that is still being delivered. */
export const LINK_IN_DELIVERY = "[hidden: a live link, being delivered]"

/**
 * The fixed start of the links a configured URL template makes: the text
 * before its first placeholder (`{token}`, `{email}`), e.g.
 * `https://shop.example/account/reset-password?token=`. Empty when the
 * template starts with a placeholder (then it names no link to look for).
 */
export function linkPrefix(template: string): string {
  const first = template.search(/\{(token|email)\}/)
  return first === -1 ? template : template.slice(0, first)
}

/** A prefix as it appears in HTML too (`&` written as `&amp;`). */
const spellings = (prefix: string) => [...new Set([prefix, prefix.replaceAll("&", "&amp;")])]

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * A function that replaces every link starting with one of `prefixes` (up
 * to white space, a quote or an angle bracket) in a string by
 * {@link LINK_IN_DELIVERY}. Prefixes shorter than 8 characters are ignored
 * (they would match unrelated text).
 */
export function linkRedactor(prefixes: string[]): (text: string) => string {
  const usable = [...new Set(prefixes.filter((prefix) => prefix.length >= 8).flatMap(spellings))]
  if (!usable.length) {
    return (text) => text
  }
  const pattern = new RegExp(`(?:${usable.map(escapeRegExp).join("|")})[^\\s"'<>]*`, "g")
  return (text) => (text.includes(":") || text.includes("/") ? text.replace(pattern, LINK_IN_DELIVERY) : text)
}

/**
 * A deep copy of a JSON value with every string passed through `redact`
 * (keys stay). Values that are not plain JSON (dates) are kept as they are.
 */
export function redactStrings<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") {
    return redact(value) as T
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactStrings(item, redact)) as T
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, redactStrings(item, redact)])
    ) as T
  }
  return value
}
