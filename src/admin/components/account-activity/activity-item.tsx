import { Badge, Text } from "@medusajs/ui"
import { Fragment, type ReactNode } from "react"
import { useTranslation } from "react-i18next"

import type {
  ActivityKind,
  AdminAccountActivity,
} from "../../../types/account-activity"
import { describeActivity, describeActor } from "../../lib/account-activity"
import { toIntlLocale } from "../../lib/date-format"
import { UserAgent } from "../common/user-agent"
import { RelativeTime } from "../customer-notes/relative-time"

const KIND_COLORS = {
  security: "orange",
  profile: "blue",
  groups: "purple",
  notes: "grey",
} as const satisfies Record<ActivityKind, string>

type ActivityItemProps = {
  activity: AdminAccountActivity
}

/**
 * One entry of the timeline: what happened in the viewer's language, its
 * kind, then who did it, from where and when (the exact time in a tooltip).
 */
export const ActivityItem = ({ activity }: ActivityItemProps) => {
  const { t, i18n } = useTranslation()
  const { message, details } = describeActivity(
    activity,
    toIntlLocale(i18n.language)
  )
  const actor = describeActor(activity.actor)

  // Who, from where, with what: only the parts the entry has.
  const origin: { id: string; content: ReactNode }[] = [
    { id: "actor", content: "name" in actor ? actor.name : t(actor.key) },
  ]
  if (activity.ip) {
    origin.push({
      id: "ip",
      content: t("customerAccounts.activity.ip", { ip: activity.ip }),
    })
  }
  if (activity.user_agent) {
    origin.push({
      id: "user-agent",
      content: <UserAgent value={activity.user_agent} />,
    })
  }

  return (
    <li className="flex flex-col gap-y-1 px-6 py-4">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <Text
            size="small"
            leading="compact"
            weight="plus"
            className="break-words"
          >
            {t(message.key, message.values)}
          </Text>
          <Badge size="2xsmall" color={KIND_COLORS[activity.kind] ?? "grey"}>
            {t(`customerAccounts.activity.kinds.${activity.kind}`, {
              defaultValue: activity.kind,
            })}
          </Badge>
        </div>
        <div className="shrink-0">
          <RelativeTime value={activity.occurred_at} />
        </div>
      </div>
      {details.length > 0 && (
        <ul className="text-ui-fg-subtle list-inside list-disc">
          {details.map((detail, index) => (
            <Text asChild key={index} size="small" leading="compact">
              <li>{t(detail.key, detail.values)}</li>
            </Text>
          ))}
        </ul>
      )}
      <Text
        size="small"
        leading="compact"
        className="text-ui-fg-subtle flex min-w-0 flex-wrap items-center gap-x-1.5"
      >
        {origin.map((part, index) => (
          <Fragment key={part.id}>
            {index > 0 && <span aria-hidden>·</span>}
            <span className="min-w-0">{part.content}</span>
          </Fragment>
        ))}
      </Text>
    </li>
  )
}
