import type { AdminCustomer } from "@medusajs/framework/types"
import { Button, Container, Skeleton, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import { Permitted } from "../common/permitted"

import type { CustomerPrivacyState } from "../../../types/customer-privacy"
import {
  useAnonymizeCustomer,
  useCustomerPrivacy,
  useExportCustomerData,
} from "../../hooks/customer-privacy"
import { mutateThen } from "../../lib/mutation-options"
import { DateWithTime } from "../common/date-with-time"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { SectionRow } from "../common/section-row"
import { AnonymizeCustomerPrompt } from "./anonymize-customer-prompt"
import { PrivacyStatusBadge } from "./privacy-status-badge"

type CustomerPrivacySectionProps = {
  customer: AdminCustomer
}

/**
 * The personal data card of the customer page's side column (GDPR): whether
 * the customer asked for erasure or was anonymized, a download of everything
 * the shop holds about them, and the anonymization, confirmed by typing
 * their e-mail. For guests too: they left personal data as well.
 */
export const CustomerPrivacySection = ({
  customer,
}: CustomerPrivacySectionProps) => {
  const { t } = useTranslation()
  const { privacy, isError, error, refetch } = useCustomerPrivacy(customer.id)
  // Held here, not in the prompt: their toasts follow once the refetch
  // changed what the card shows.
  const exportData = useExportCustomerData(customer.id)
  const anonymize = useAnonymizeCustomer(customer.id)
  const [confirming, setConfirming] = useState({ open: false, email: "" })

  const handleExport = () => {
    mutateThen(exportData, undefined, {
      onSuccess: ({ filename }) => {
        toast.success(
          t("customerAccounts.privacy.toasts.exported", { filename })
        )
      },
      onError: (error) => {
        toast.error(error.message)
      },
    })
  }

  // What the admin types to confirm; none, no Anonymize: the customer was
  // anonymized already, is being anonymized, or has no e-mail (the route
  // refuses then). An erasure that did not finish is finished by the same
  // action.
  const confirmationEmail =
    privacy && privacy.status !== "anonymized" && !privacy.erasure_running
      ? privacy.email
      : null

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.privacy.title")}
        description={t("customerAccounts.privacy.description")}
      />
      {privacy ? (
        <>
          <SectionRow label={t("customerAccounts.privacy.status.label")}>
            <PrivacyStatusBadge privacy={privacy} />
          </SectionRow>
          <PrivacyHint privacy={privacy} />
        </>
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.privacy.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.privacy.retry")}
          onRetry={() => refetch()}
        />
      ) : (
        <div className="px-6 py-4">
          <Skeleton className="h-5 w-1/2" />
        </div>
      )}
      <div className="flex flex-wrap items-center justify-end gap-2 px-6 py-4">
        <Permitted capability="privacy.export">
          <Button
            size="small"
            variant="secondary"
            onClick={handleExport}
            isLoading={exportData.isPending}
            disabled={exportData.isPending}
          >
            {t("customerAccounts.privacy.actions.export")}
          </Button>
        </Permitted>
        {confirmationEmail && (
          <Permitted capability="privacy.anonymize">
            <Button
              size="small"
              variant="danger"
              onClick={() =>
                setConfirming({ open: true, email: confirmationEmail })
              }
            >
              {t("customerAccounts.privacy.actions.anonymize")}
            </Button>
          </Permitted>
        )}
      </div>
      <AnonymizeCustomerPrompt
        open={confirming.open}
        email={confirming.email}
        anonymize={anonymize}
        onClose={() =>
          setConfirming((current) => ({ ...current, open: false }))
        }
      />
    </Container>
  )
}

/** What an admin should know of a request, an erasure or an anonymization, and when it came. */
const PrivacyHint = ({ privacy }: { privacy: CustomerPrivacyState }) => {
  const { t } = useTranslation()
  const hint =
    privacy.status === "requested" && privacy.requested_at
      ? {
          at: privacy.requested_at,
          format: (date: string) =>
            t("customerAccounts.privacy.requestedHint", { date }),
        }
      : privacy.status === "erasing" && privacy.erasure_started_at
        ? {
            at: privacy.erasure_started_at,
            format: (date: string) =>
              privacy.erasure_running
                ? t("customerAccounts.privacy.erasureRunningHint", { date })
                : t("customerAccounts.privacy.erasingHint", { date }),
          }
        : privacy.status === "anonymized" && privacy.anonymized_at
          ? {
              at: privacy.anonymized_at,
              format: (date: string) =>
                t("customerAccounts.privacy.anonymizedHint", { date }),
            }
          : null

  if (!hint) {
    return null
  }

  return (
    <div className="px-6 py-4">
      <DateWithTime value={hint.at} format={hint.format} />
    </div>
  )
}
