import { Badge, Button, Heading, Table, clx } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import type { AdminLoginAttempt } from "../../../types/account-security"
import { SectionEmpty } from "../common/section-empty"
import { UserAgent } from "../common/user-agent"
import { RelativeTime } from "../customer-notes/relative-time"

type LoginAttemptsTableProps = {
  attempts: AdminLoginAttempt[]
  /** A heading above the table, when it shares its card with other rows. */
  title?: string
  /** Under "No login attempts yet": whose sign-ins will show up here. */
  emptyDescription: string
  /** Rows shown at first and added per "Show more"; every row when absent. */
  pageSize?: number
}

const OUTCOME_COLORS = {
  success: "green",
  failure: "orange",
  refused: "red",
} as const satisfies Record<AdminLoginAttempt["outcome"], string>

/**
 * An account's latest sign-in attempts (a customer's or a user's), newest
 * first, `pageSize` rows at a time when given.
 */
export const LoginAttemptsTable = ({
  attempts,
  title,
  emptyDescription,
  pageSize,
}: LoginAttemptsTableProps) => {
  const { t } = useTranslation()
  const [shownCount, setShownCount] = useState(pageSize ?? Infinity)
  const shown = attempts.slice(0, shownCount)
  const hasMore = shown.length < attempts.length

  return (
    <div className="flex flex-col">
      {title && (
        <div className="px-6 py-4">
          <Heading level="h3">{title}</Heading>
        </div>
      )}
      {attempts.length === 0 ? (
        <SectionEmpty
          title={t("customerAccounts.security.attempts.empty.title")}
          description={emptyDescription}
          className={clx({ "border-t": title })}
        />
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>
                {t("customerAccounts.security.attempts.columns.time")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("customerAccounts.security.attempts.columns.ip")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("customerAccounts.security.attempts.columns.outcome")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("customerAccounts.security.attempts.columns.actorType")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("customerAccounts.security.attempts.columns.userAgent")}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          {/* The card ends here (or at Show more): its own border is the last row's edge. */}
          <Table.Body className="border-b-0 [&_tr:last-child]:border-b-0">
            {shown.map((attempt) => (
              <LoginAttemptRow key={attempt.id} attempt={attempt} />
            ))}
          </Table.Body>
        </Table>
      )}
      {hasMore && pageSize && (
        <div className="flex justify-center border-t px-6 py-4">
          <Button
            size="small"
            variant="transparent"
            onClick={() => setShownCount((count) => count + pageSize)}
          >
            {t("customerAccounts.security.attempts.showMore")}
          </Button>
        </div>
      )}
    </div>
  )
}

const LoginAttemptRow = ({ attempt }: { attempt: AdminLoginAttempt }) => {
  const { t } = useTranslation()
  const unknown = t("customerAccounts.security.attempts.unknown")

  return (
    <Table.Row>
      <Table.Cell className="whitespace-nowrap">
        <RelativeTime value={attempt.attempted_at} />
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {attempt.ip ?? unknown}
      </Table.Cell>
      <Table.Cell>
        <div className="flex items-center gap-x-2 whitespace-nowrap">
          <Badge size="2xsmall" color={OUTCOME_COLORS[attempt.outcome]}>
            {t(`customerAccounts.security.attempts.outcomes.${attempt.outcome}`)}
          </Badge>
          {/* Refused attempts are counted per IP and minute: one row, how many. */}
          {attempt.count > 1 && (
            <span className="txt-compact-xsmall text-ui-fg-subtle">
              {t("customerAccounts.security.attempts.repeated", { count: attempt.count })}
            </span>
          )}
        </div>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        <ActorTypeLabel actorType={attempt.actor_type} />
      </Table.Cell>
      <Table.Cell className="max-w-0 w-1/2">
        {attempt.user_agent ? <UserAgent value={attempt.user_agent} /> : unknown}
      </Table.Cell>
    </Table.Row>
  )
}

/**
 * The route an attempt came through, as the admin knows it: one e-mail may
 * sign in to the storefront and the admin. Other actor types show as stored;
 * attempts logged before the route was recorded have none.
 */
const ActorTypeLabel = ({ actorType }: { actorType: string | null }) => {
  const { t } = useTranslation()

  switch (actorType?.toLowerCase()) {
    case "customer":
      return <>{t("customerAccounts.security.attempts.actorTypes.customer")}</>
    case "user":
      return <>{t("customerAccounts.security.attempts.actorTypes.user")}</>
    default:
      return <>{actorType || t("customerAccounts.security.attempts.unknown")}</>
  }
}
