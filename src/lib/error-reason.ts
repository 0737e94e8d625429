/**
 * The cause of a failed database write, for a log line. A knex error's
 * message is the statement with its values (e-mails, IPs, reset links)
 * followed by " - " and the cause; only the cause (and the driver's error
 * code) is kept.
 */
export function errorReason(error: unknown): string {
  // A workflow's run rethrows its step's error as a plain object.
  const message =
    error instanceof Error
      ? error.message
      : typeof (error as { message?: unknown } | null)?.message === "string"
        ? (error as { message: string }).message
        : String(error)
  const code = (error as { code?: unknown } | null)?.code
  const cause = message.split(" - ").pop()!.slice(0, 200)
  return typeof code === "string" ? `${code} ${cause}` : cause
}
