import { Container, Skeleton, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import {
  useAssistanceSessions,
  type AssistanceSessionWithCustomer,
} from "../../hooks/assistance"
import { personName } from "../../lib/assistance"
import { isNotFound } from "../../lib/fetch-errors"
import { CustomerLink } from "../common/dashboard-link"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { SectionNote } from "../common/section-note"
import { RelativeTime } from "../customer-notes/relative-time"
import { AssistanceTime } from "./assistance-time"
import { EndAssistanceButton } from "./end-assistance-button"

/**
 * "Assisted shopping sessions" of the settings page: every session in which
 * store staff are signed in as a customer right now, newest first, each
 * with the customer (a link to their page), the staff member, the reason,
 * when it started and ends, and "End". The route answers 404 while the
 * feature is off: the card says how to turn it on instead.
 */
export const AssistanceSessionsSection = () => {
  const { t } = useTranslation()
  const { sessions, isError, error, refetch } = useAssistanceSessions()
  const off = isError && isNotFound(error)

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.settings.assistance.title")}
        description={t("customerAccounts.settings.assistance.description")}
      />
      {sessions ? (
        sessions.length === 0 ? (
          <SectionNote>{t("customerAccounts.settings.assistance.empty")}</SectionNote>
        ) : (
          <AssistanceSessionsTable sessions={sessions} />
        )
      ) : off ? (
        <SectionNote>{t("customerAccounts.settings.assistance.off")}</SectionNote>
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.settings.assistance.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.settings.retry")}
          onRetry={() => refetch()}
        />
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      )}
    </Container>
  )
}

const AssistanceSessionsTable = ({
  sessions,
}: {
  sessions: AssistanceSessionWithCustomer[]
}) => {
  const { t } = useTranslation()

  return (
    <Table aria-label={t("customerAccounts.settings.assistance.title")}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("customerAccounts.settings.assistance.columns.customer")}</Table.HeaderCell>
          <Table.HeaderCell>{t("customerAccounts.settings.assistance.columns.staff")}</Table.HeaderCell>
          <Table.HeaderCell>{t("customerAccounts.settings.assistance.columns.reason")}</Table.HeaderCell>
          <Table.HeaderCell>{t("customerAccounts.settings.assistance.columns.started")}</Table.HeaderCell>
          <Table.HeaderCell>{t("customerAccounts.settings.assistance.columns.endsAt")}</Table.HeaderCell>
          <Table.HeaderCell>
            <span className="sr-only">{t("customerAccounts.settings.assistance.columns.actions")}</span>
          </Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      {/* The card ends here: its own border is the last row's edge. */}
      <Table.Body className="border-b-0 [&_tr:last-child]:border-b-0">
        {sessions.map((session) => (
          <AssistanceSessionRow key={session.id} session={session} />
        ))}
      </Table.Body>
    </Table>
  )
}

const AssistanceSessionRow = ({
  session,
}: {
  session: AssistanceSessionWithCustomer
}) => {
  const staffName = personName(session.user, session.user_id)

  return (
    <Table.Row>
      <Table.Cell className="max-w-0 w-1/5">
        {session.customer_id ? (
          <CustomerLink
            id={session.customer_id}
            name={personName(session.customer, session.customer_id)}
            truncate
          />
        ) : (
          "—"
        )}
      </Table.Cell>
      <Table.Cell className="max-w-0 w-1/5">
        <span className="block truncate">{staffName}</span>
      </Table.Cell>
      <Table.Cell className="max-w-0 w-1/4">
        <Text size="small" leading="compact" className="truncate" title={session.reason}>
          {session.reason}
        </Text>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        <RelativeTime value={session.started_at} />
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        <AssistanceTime value={session.ends_at} />
      </Table.Cell>
      <Table.Cell className="text-right">
        {session.customer_id && (
          <EndAssistanceButton
            customerId={session.customer_id}
            sessionId={session.id}
            staffName={staffName}
          />
        )}
      </Table.Cell>
    </Table.Row>
  )
}
