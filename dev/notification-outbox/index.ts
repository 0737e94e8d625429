import fs from "node:fs"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, ModuleProvider, Modules } from "@medusajs/framework/utils"

/**
 * The dev app's stand-in for an e-mail service when it runs tests, benches or
 * several instances: it logs that a message went out, never its data (reset
 * e-mails carry a live reset link). With `CAM_OUTBOX_FILE` set it also
 * appends each message, data included, as one JSON line to that file: the
 * "mailbox" tests read reset links from, since the plugin redacts them in the
 * stored notification once delivered. `npm run dev` uses Medusa's
 * notification-local instead, which prints the data so a developer can follow
 * a reset link.
 *
 * With the option `failWith` every send throws that message, like an e-mail
 * service that is down (the failure drills use it); with `delayMs` each send
 * takes that long, like an e-mail service's API round trip.
 */
class OutboxNotificationService extends AbstractNotificationProviderService {
  static identifier = "outbox"
  protected readonly logger_: Logger
  protected readonly failWith_?: string
  protected readonly delayMs_: number

  constructor({ logger }: { logger: Logger }, options: { failWith?: string; delayMs?: number } = {}) {
    super()
    this.logger_ = logger
    this.failWith_ = options.failWith || undefined
    this.delayMs_ = options.delayMs ?? 0
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (this.delayMs_ > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs_))
    }
    if (this.failWith_) {
      throw new Error(this.failWith_)
    }
    const outbox = process.env.CAM_OUTBOX_FILE
    if (outbox) {
      const { to, template, channel, data } = notification
      fs.appendFileSync(outbox, JSON.stringify({ to, template, channel, data, sent_at: new Date().toISOString() }) + "\n")
    }
    this.logger_.info(`Notification "${notification.template}" queued on ${notification.channel}`)
    return {}
  }
}

export default ModuleProvider(Modules.NOTIFICATION, { services: [OutboxNotificationService] })
