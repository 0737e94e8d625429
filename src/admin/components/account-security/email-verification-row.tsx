import { FetchError } from "@medusajs/js-sdk"
import { Badge, Button, Skeleton, Text, Tooltip } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type { AdminEmailVerification } from "../../../types/account-security"
import { formatDate, formatDateTime, toIntlLocale } from "../../lib/date-format"
import { SectionRow } from "../common/section-row"
import { RelativeTime } from "../customer-notes/relative-time"

type EmailVerificationRowProps = {
  /** The verification state, once loaded. */
  emailVerification: AdminEmailVerification | undefined
  /** Why the state could not be loaded, if it could not. */
  error: Error | null
  onRetry: () => void
}

/**
 * "E-mail address": verified (and when), or not, with when the last link
 * went out. No row for an account without a password (the route's 404):
 * there is no address of its own to verify.
 */
export const EmailVerificationRow = ({
  emailVerification,
  error,
  onRetry,
}: EmailVerificationRowProps) => {
  const { t } = useTranslation()

  if (!emailVerification && isNotFound(error)) {
    return null
  }

  return (
    <SectionRow label={t("customerAccounts.security.emailVerification.label")}>
      {emailVerification ? (
        <VerificationState verification={emailVerification} />
      ) : error ? (
        <div className="flex flex-col items-start gap-y-1">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {t("customerAccounts.security.emailVerification.loadError")}
          </Text>
          <Button size="small" variant="transparent" onClick={onRetry}>
            {t("customerAccounts.security.retry")}
          </Button>
        </div>
      ) : (
        <Skeleton className="h-5 w-2/3" />
      )}
    </SectionRow>
  )
}

const isNotFound = (error: Error | null) =>
  error instanceof FetchError && error.status === 404

const VerificationState = ({
  verification,
}: {
  verification: AdminEmailVerification
}) => {
  const { t } = useTranslation()

  if (verification.status === "verified") {
    return (
      <div className="flex flex-col items-start gap-y-1">
        <Badge size="2xsmall" color="green">
          {t("customerAccounts.security.emailVerification.verified")}
        </Badge>
        {verification.verified_at && (
          <DateWithTime value={verification.verified_at} />
        )}
      </div>
    )
  }

  return (
    <div className="flex flex-col items-start gap-y-1">
      <Badge size="2xsmall" color="orange">
        {t("customerAccounts.security.emailVerification.notVerified")}
      </Badge>
      {verification.status === "none" ? (
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {t("customerAccounts.security.emailVerification.noLinkSent")}
        </Text>
      ) : (
        verification.requested_at && (
          <RelativeTime
            value={verification.requested_at}
            format={(relative) =>
              t("customerAccounts.security.emailVerification.linkSent", {
                relative,
              })
            }
          />
        )
      )}
    </div>
  )
}

/** "Nov 27, 2026", with the exact date and time in a tooltip. */
const DateWithTime = ({ value }: { value: string }) => {
  const { i18n } = useTranslation()
  const locale = toIntlLocale(i18n.language)
  const date = new Date(value)

  if (Number.isNaN(date.getTime())) {
    return null
  }

  return (
    <Tooltip content={formatDateTime(date, locale)}>
      <Text
        asChild
        size="small"
        leading="compact"
        className="text-ui-fg-subtle"
      >
        <time dateTime={value}>{formatDate(date, locale)}</time>
      </Text>
    </Tooltip>
  )
}
