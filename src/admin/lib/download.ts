/**
 * Saving a file the admin API answered as a download (`content-disposition:
 * attachment`), from inside the dashboard: the request needs the session, so
 * the browser cannot simply follow a link to it.
 */

/**
 * How long the blob's URL outlives the click: revoking it at once can cancel
 * the download in some browsers (Firefox), which read it asynchronously.
 */
const REVOKE_DELAY_MS = 10_000

/** Characters a file name must not carry into the save dialog. */
const UNSAFE_FILENAME_CHARACTERS = /[/\\?%*:|"<>\u0000-\u001f\u007f]/g

/** Longest file name kept; longer ones are cut. */
const MAX_FILENAME_LENGTH = 200

const sanitizeFilename = (name: string): string | null => {
  const safe = name
    .replace(UNSAFE_FILENAME_CHARACTERS, "_")
    .trim()
    // No hidden files, no `..`.
    .replace(/^\.+/, "")
    .slice(0, MAX_FILENAME_LENGTH)
  return safe || null
}

const decodeExtendedValue = (value: string): string | null => {
  // RFC 5987: charset'language'percent-encoded, e.g. UTF-8''r%C3%A9sum%C3%A9.json
  const match = /^([\w!#$&+.^`{}~-]*)'[\w-]*'(.*)$/.exec(value)
  if (!match) {
    return null
  }
  try {
    return decodeURIComponent(match[2])
  } catch {
    return null
  }
}

/**
 * The file name a `content-disposition` header proposes (`filename*` before
 * `filename`), made safe to save under; `null` when it names none.
 *
 * @example
 * filenameFromContentDisposition('attachment; filename="customer-cus_1-export.json"')
 * // "customer-cus_1-export.json"
 */
export const filenameFromContentDisposition = (
  header: string | null | undefined
): string | null => {
  if (!header) {
    return null
  }
  const extended = /(?:^|;)\s*filename\*\s*=\s*("?)([^";]+)\1/i.exec(header)
  const decoded = extended ? decodeExtendedValue(extended[2].trim()) : null
  if (decoded) {
    return sanitizeFilename(decoded)
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:\\.|[^"\\])*)"/i.exec(header)
  if (quoted) {
    return sanitizeFilename(quoted[1].replace(/\\(.)/g, "$1"))
  }
  const plain = /(?:^|;)\s*filename\s*=\s*([^;]+)/i.exec(header)
  return plain ? sanitizeFilename(plain[1]) : null
}

/**
 * Hands `blob` to the browser as a download named `filename`, through a
 * temporary link (the browser's own save flow, no new tab).
 */
export const saveBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  link.rel = "noopener"
  link.style.display = "none"
  document.body.appendChild(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS)
  }
}
