import { Badge, Button, Skeleton, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type { AdminEmailVerificationResponse } from "../../../types/account-security"
import { isNotFound } from "../../lib/fetch-errors"
import { DateWithTime } from "../common/date-with-time"
import { SectionRow } from "../common/section-row"
import { RelativeTime } from "../customer-notes/relative-time"

/** The verification state with what the shop's requirement makes of it. */
type EmailVerificationState = AdminEmailVerificationResponse["email_verification"]

type EmailVerificationRowProps = {
  /** The verification state, once loaded. */
  emailVerification: EmailVerificationState | undefined
  /** Why the state could not be loaded, if it could not. */
  error: Error | null
  onRetry: () => void
}

/**
 * "E-mail address": verified (and when), or not, with when the last link
 * went out and, when the shop requires a verified address, whether that
 * keeps the customer from logging in. No row for an account without a
 * password (the route's 404): there is no address of its own to verify.
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

const VerificationState = ({
  verification,
}: {
  verification: EmailVerificationState
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
      <LoginRequirement verification={verification} />
    </div>
  )
}

/**
 * What the shop's `emailVerification.required` makes of an unverified
 * address: the customer cannot log in until it is verified, or, for an
 * account that predates the requirement (grandfathered), still can.
 */
const LoginRequirement = ({
  verification,
}: {
  verification: EmailVerificationState
}) => {
  const { t } = useTranslation()

  if (verification.blocks_login) {
    return (
      <Badge size="2xsmall" color="red">
        {t("customerAccounts.security.emailVerification.blocksLogin")}
      </Badge>
    )
  }

  if (verification.required) {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {t("customerAccounts.security.emailVerification.grandfathered")}
      </Text>
    )
  }

  return null
}
