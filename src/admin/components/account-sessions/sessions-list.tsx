import {
  Badge,
  Button,
  Skeleton,
  Table,
  Text,
  Tooltip,
  toast,
  usePrompt,
} from "@medusajs/ui"
import type { UseMutationResult } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"

import type { Capability } from "../../../types/staff-permissions"
import { Permitted } from "../common/permitted"

import type {
  AccountSession,
  AdminRevokeSessionsResponse,
} from "../../../types/account-sessions"
import { DateWithTime } from "../common/date-with-time"
import { SectionEmpty } from "../common/section-empty"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { RelativeTime } from "../customer-notes/relative-time"
import { describeSessionDevice } from "./session-device"
import { mutateThen } from "../../lib/mutation-options"

/** What the list needs of a "Sign out everywhere" mutation, a customer's or a user's. */
export type RevokeSessionsMutation = Pick<
  UseMutationResult<AdminRevokeSessionsResponse, Error, void>,
  "mutateAsync" | "isPending"
>

type SessionsListProps = {
  /** The permission signing this account out everywhere needs. */
  capability: Capability
  /** The active sessions, newest last seen first, once loaded. */
  sessions: AccountSession[] | undefined
  /** Why they could not be loaded, if they could not. */
  error: Error | null
  onRetry: () => void
  revoke: RevokeSessionsMutation
  /** Under the heading: whose sessions these are. */
  description: string
  /** Under "No active sessions": what will appear here. */
  emptyDescription: string
  /** The body of the confirmation: what signing out everywhere does to this account. */
  revokeDescription: string
}

/**
 * The active sessions of an account (a customer's or a Back Office user's):
 * device (the full user agent on hover), IP, when it began and when it was
 * last seen, "Cookie" for a cookie session, "Assisted" for store staff signed
 * in as the customer (assisted shopping); "Sign out everywhere" asks first,
 * then ends them all and says how many ended. Part of a security card, so a
 * heading of its own, and its own loading and error states: the card's
 * other rows do not wait for it.
 */
export const SessionsList = ({
  capability,
  sessions,
  error,
  onRetry,
  revoke,
  description,
  emptyDescription,
  revokeDescription,
}: SessionsListProps) => {
  const { t } = useTranslation()
  const prompt = usePrompt()

  const handleRevoke = async () => {
    const confirmed = await prompt({
      title: t("customerAccounts.sessions.signOutEverywhere.title"),
      description: revokeDescription,
      confirmText: t("customerAccounts.sessions.actions.signOutEverywhere"),
      cancelText: t("customerAccounts.security.actions.cancel"),
    })

    if (!confirmed) {
      return
    }

    mutateThen(revoke, undefined, {
      onSuccess: ({ revoked }) => {
        toast.success(
          revoked > 0
            ? t("customerAccounts.sessions.toasts.signedOutEverywhere", {
                count: revoked,
              })
            : t("customerAccounts.sessions.toasts.noneActive")
        )
      },
      onError: (error) => {
        toast.error(error.message)
      },
    })
  }

  return (
    <div className="flex flex-col">
      <SectionHeader
        level="h3"
        title={t("customerAccounts.sessions.title")}
        description={description}
        actions={
          <Permitted capability={capability}>
            <Button
              size="small"
              variant="secondary"
              onClick={handleRevoke}
              isLoading={revoke.isPending}
              disabled={revoke.isPending || !sessions || sessions.length === 0}
            >
              {t("customerAccounts.sessions.actions.signOutEverywhere")}
            </Button>
          </Permitted>
        }
      />
      {sessions ? (
        sessions.length === 0 ? (
          <SectionEmpty
            title={t("customerAccounts.sessions.empty.title")}
            description={emptyDescription}
            className="border-t"
          />
        ) : (
          <SessionsTable sessions={sessions} />
        )
      ) : error ? (
        <div className="border-t">
          <SectionLoadError
            title={t("customerAccounts.sessions.loadError")}
            message={error.message}
            retryLabel={t("customerAccounts.security.retry")}
            onRetry={onRetry}
          />
        </div>
      ) : (
        <div className="flex flex-col gap-y-2 border-t px-6 py-4">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-2/3" />
        </div>
      )}
    </div>
  )
}

const SessionsTable = ({ sessions }: { sessions: AccountSession[] }) => {
  const { t } = useTranslation()

  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>
            {t("customerAccounts.sessions.columns.device")}
          </Table.HeaderCell>
          <Table.HeaderCell>
            {t("customerAccounts.sessions.columns.ip")}
          </Table.HeaderCell>
          <Table.HeaderCell>
            {t("customerAccounts.sessions.columns.lastSeen")}
          </Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      {/* The card ends here: its own border is the last row's edge. */}
      <Table.Body className="border-b-0 [&_tr:last-child]:border-b-0">
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} />
        ))}
      </Table.Body>
    </Table>
  )
}

/**
 * Device and, under it, when the session began (the exact time on hover);
 * IP; last seen, relative (coarse: the server writes it once a minute).
 */
const SessionRow = ({ session }: { session: AccountSession }) => {
  const { t } = useTranslation()

  return (
    <Table.Row>
      <Table.Cell className="max-w-0 w-1/2 py-2">
        <div className="flex min-w-0 flex-col gap-y-0.5">
          <div className="flex min-w-0 items-center gap-x-1.5">
            <SessionDevice userAgent={session.user_agent} />
            {session.method === "assisted" && (
              <Tooltip content={t("customerAccounts.sessions.assistedHint")}>
                <Badge size="2xsmall" color="orange" className="shrink-0">
                  {t("customerAccounts.sessions.assisted")}
                </Badge>
              </Tooltip>
            )}
            {session.cookie && (
              <Tooltip content={t("customerAccounts.sessions.cookieHint")}>
                <Badge size="2xsmall" color="grey" className="shrink-0">
                  {t("customerAccounts.sessions.cookie")}
                </Badge>
              </Tooltip>
            )}
          </div>
          <DateWithTime
            value={session.created_at}
            format={(date) => t("customerAccounts.sessions.started", { date })}
          />
        </div>
      </Table.Cell>
      <Table.Cell className="max-w-0 w-1/4">
        {session.ip ? (
          <Tooltip content={session.ip}>
            <span tabIndex={0} className="block truncate">
              {session.ip}
            </span>
          </Tooltip>
        ) : (
          t("customerAccounts.sessions.unknown")
        )}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        <RelativeTime value={session.last_seen_at} />
      </Table.Cell>
    </Table.Row>
  )
}

/** "Chrome on macOS", with the full user agent in a tooltip. */
const SessionDevice = ({ userAgent }: { userAgent: string | null }) => {
  const { t } = useTranslation()
  const label = describeSessionDevice(userAgent)
  const name = "name" in label ? label.name : t(label.key, label.values)
  const hasAgent = !!userAgent?.trim()

  const text = (
    <Text asChild size="small" leading="compact" weight="plus">
      <span tabIndex={hasAgent ? 0 : undefined} className="min-w-0 truncate">
        {name}
      </span>
    </Text>
  )

  if (!hasAgent) {
    return text
  }

  return (
    <Tooltip content={userAgent} maxWidth={400} className="break-all">
      {text}
    </Tooltip>
  )
}
