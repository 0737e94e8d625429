import { Badge, Button, Skeleton, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type {
  AdminCustomerMfaResponse,
  AdminMfaFactor,
} from "../../../types/account-security"
import { isNotFound } from "../../lib/fetch-errors"
import { DateWithTime } from "../common/date-with-time"
import { SectionRow } from "../common/section-row"
import { useMfaProviderName } from "./mfa-provider-name"

type MfaRowProps = {
  /** The customer's factors, once loaded. */
  mfa: AdminCustomerMfaResponse | undefined
  /** Why they could not be loaded, if they could not. */
  error: Error | null
  onRetry: () => void
}

/**
 * "Two-step verification (MFA)": off, or each factor that guards the
 * customer's logins with since when; a set-up the customer began and never
 * confirmed is named too (it guards nothing yet). No row for an account
 * without a password (the route's 404), as for the e-mail verification.
 */
export const MfaRow = ({ mfa, error, onRetry }: MfaRowProps) => {
  const { t } = useTranslation()

  if (!mfa && isNotFound(error)) {
    return null
  }

  return (
    <SectionRow label={t("customerAccounts.security.mfa.label")}>
      {mfa ? (
        <MfaState factors={mfa.mfa_factors} />
      ) : error ? (
        <div className="flex flex-col items-start gap-y-1">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {t("customerAccounts.security.mfa.loadError")}
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

const MfaState = ({ factors }: { factors: AdminMfaFactor[] }) => {
  const { t } = useTranslation()
  const enabled = factors.filter((factor) => factor.status === "enabled")
  const pending = factors.filter((factor) => factor.status === "pending")

  return (
    <div className="flex flex-col items-start gap-y-2">
      {enabled.length === 0 ? (
        <Badge size="2xsmall" color="grey">
          {t("customerAccounts.security.mfa.off")}
        </Badge>
      ) : (
        enabled.map((factor) => (
          <EnabledFactor key={factor.id} factor={factor} />
        ))
      )}
      {pending.map((factor) => (
        <PendingFactor key={factor.id} factor={factor} />
      ))}
    </div>
  )
}

/** "Authenticator app" and "since Nov 27, 2026" (the exact time in a tooltip). */
const EnabledFactor = ({ factor }: { factor: AdminMfaFactor }) => {
  const { t } = useTranslation()
  const providerName = useMfaProviderName()

  return (
    <div className="flex flex-col items-start gap-y-1">
      <Badge size="2xsmall" color="green">
        {providerName(factor.provider)}
      </Badge>
      {factor.label && (
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {factor.label}
        </Text>
      )}
      <DateWithTime
        value={factor.created_at}
        format={(date) => t("customerAccounts.security.mfa.since", { date })}
      />
    </div>
  )
}

/** "Authenticator app: set-up not finished". */
const PendingFactor = ({ factor }: { factor: AdminMfaFactor }) => {
  const { t } = useTranslation()
  const providerName = useMfaProviderName()

  return (
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {t("customerAccounts.security.mfa.pending", {
        provider: providerName(factor.provider),
      })}
    </Text>
  )
}
