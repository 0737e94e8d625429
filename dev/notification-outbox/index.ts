import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, ModuleProvider, Modules } from "@medusajs/framework/utils"

/**
 * The dev app's stand-in for an e-mail service when it runs tests, benches or
 * several instances: it logs that a message went out, never its data (reset
 * e-mails carry a live reset link). The Notification module still stores each
 * notification, which is where tests read them. `npm run dev` uses Medusa's
 * notification-local instead, which prints the data so a developer can follow
 * a reset link.
 */
class OutboxNotificationService extends AbstractNotificationProviderService {
  static identifier = "outbox"
  protected readonly logger_: Logger

  constructor({ logger }: { logger: Logger }) {
    super()
    this.logger_ = logger
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    this.logger_.info(`Notification "${notification.template}" queued on ${notification.channel}`)
    return {}
  }
}

export default ModuleProvider(Modules.NOTIFICATION, { services: [OutboxNotificationService] })
