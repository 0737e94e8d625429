import { Badge, Heading, Table, Tooltip, clx } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type { AdminLoginAttempt } from "../../../types/account-security"
import { SectionEmpty } from "../common/section-empty"
import { RelativeTime } from "../customer-notes/relative-time"

type LoginAttemptsTableProps = {
  attempts: AdminLoginAttempt[]
  /** A heading above the table, when it shares its card with other rows. */
  title?: string
  /** Under "No login attempts yet": whose sign-ins will show up here. */
  emptyDescription: string
}

const OUTCOME_COLORS = {
  success: "green",
  failure: "orange",
  refused: "red",
} as const satisfies Record<AdminLoginAttempt["outcome"], string>

/** An account's latest sign-in attempts (a customer's or a user's), newest first. */
export const LoginAttemptsTable = ({
  attempts,
  title,
  emptyDescription,
}: LoginAttemptsTableProps) => {
  const { t } = useTranslation()

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
          {/* The card ends here: its own border is the last row's edge. */}
          <Table.Body className="border-b-0 [&_tr:last-child]:border-b-0">
            {attempts.map((attempt) => (
              <LoginAttemptRow key={attempt.id} attempt={attempt} />
            ))}
          </Table.Body>
        </Table>
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
        {attempt.user_agent ? (
          <Tooltip
            content={attempt.user_agent}
            maxWidth={400}
            className="break-all"
          >
            <span tabIndex={0} className="block truncate">
              {attempt.user_agent}
            </span>
          </Tooltip>
        ) : (
          unknown
        )}
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
