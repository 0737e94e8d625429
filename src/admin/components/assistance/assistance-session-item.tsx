import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type { AssistanceSession } from "../../hooks/assistance"
import { personName } from "../../lib/assistance"
import { RelativeTime } from "../customer-notes/relative-time"
import { AssistanceTime } from "./assistance-time"
import { EndAssistanceButton } from "./end-assistance-button"

type AssistanceSessionItemProps = {
  customerId: string
  session: AssistanceSession
}

/**
 * One running assisted session on the customer page: who is signed in as
 * the customer, why, since when and until when, and "End".
 */
export const AssistanceSessionItem = ({
  customerId,
  session,
}: AssistanceSessionItemProps) => {
  const { t } = useTranslation()
  const staffName = personName(session.user, session.user_id)

  return (
    <li className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Text size="small" leading="compact" weight="plus" className="truncate">
            {t("customerAccounts.assistance.sessions.by", { name: staffName })}
          </Text>
          <RelativeTime
            value={session.started_at}
            format={(relative) =>
              t("customerAccounts.assistance.sessions.started", { relative })
            }
          />
          <AssistanceTime
            value={session.ends_at}
            format={(date) =>
              t("customerAccounts.assistance.sessions.endsAt", { date })
            }
          />
        </div>
        <div className="shrink-0">
          <EndAssistanceButton
            customerId={customerId}
            sessionId={session.id}
            staffName={staffName}
          />
        </div>
      </div>
      <Text size="small" className="text-ui-fg-subtle break-words">
        {t("customerAccounts.assistance.sessions.reason", {
          reason: session.reason,
        })}
      </Text>
    </li>
  )
}
