import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { eventually } from "./events"

/**
 * The dev app's mailbox: the outbox notification provider appends every
 * message it is handed, data included, to this file (dev/notification-outbox).
 * Stored notifications no longer hold reset links once delivered, so tests
 * read the links here, as a customer reads their e-mail.
 */
const OUTBOX_FILE = path.join(os.tmpdir(), `cam-outbox-${process.pid}.jsonl`)
process.env.CAM_OUTBOX_FILE = OUTBOX_FILE

export type SentMessage = {
  to: string
  template: string
  channel: string
  data: Record<string, unknown>
  sent_at: string
}

/** Empties the mailbox (call in beforeEach: the database is reset per test, the file is not). */
export function clearOutbox(): void {
  fs.rmSync(OUTBOX_FILE, { force: true })
}

/** The messages sent so far to `to` (with `template`, when given), oldest first. */
export function sentMessages(to: string, template?: string): SentMessage[] {
  if (!fs.existsSync(OUTBOX_FILE)) {
    return []
  }
  return fs
    .readFileSync(OUTBOX_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SentMessage)
    .filter((message) => message.to === to && (!template || message.template === template))
}

/** Waits until `count` messages were sent to `to` with `template`; returns them. */
export function waitForMessages(to: string, template: string, count = 1, timeoutMs = 10_000): Promise<SentMessage[]> {
  return eventually(
    async () => {
      const messages = sentMessages(to, template)
      return messages.length >= count ? messages : null
    },
    { timeoutMs }
  )
}

/** The token of the newest reset link sent to `email`, once it was sent. */
export async function resetTokenSentTo(email: string, count = 1): Promise<string> {
  const messages = await waitForMessages(email, "customer-password-reset", count)
  const url = new URL(String(messages[messages.length - 1].data.reset_url))
  return url.searchParams.get("token") as string
}
