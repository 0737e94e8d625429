import type { AdminCustomer } from "@medusajs/framework/types"
import { Badge, Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import {
  useCustomerAssistance,
  type AdminCustomerAssistanceResponse,
} from "../../hooks/assistance"
import { useMyPermissions } from "../../hooks/staff-permissions"
import { consentState, type ConsentState } from "../../lib/assistance"
import { isNotFound } from "../../lib/fetch-errors"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { SectionNote } from "../common/section-note"
import { SectionRow } from "../common/section-row"
import { AssistanceSessionItem } from "./assistance-session-item"
import { AssistanceTime } from "./assistance-time"
import { StartAssistanceDrawer } from "./start-assistance-drawer"

type CustomerAssistanceSectionProps = {
  customer: AdminCustomer
}

/**
 * "Assisted shopping" in the customer page's side column: whether the
 * customer allows store staff to sign in as them, "Sign in as customer"
 * (for staff holding `assistance.start`, while consent holds) and the
 * assisted sessions running now, each with "End". Nothing at all while the
 * shop has the feature off, and for guests (no account to sign in to).
 */
export const CustomerAssistanceSection = ({
  customer,
}: CustomerAssistanceSectionProps) =>
  customer.has_account ? <AccountHolderAssistance customer={customer} /> : null

const AccountHolderAssistance = ({ customer }: CustomerAssistanceSectionProps) => {
  const { t } = useTranslation()
  const { assistance, isError, error, refetch } = useCustomerAssistance(
    customer.id
  )

  // Off (`enabled: false`, or the 404 every assistance route answers then),
  // or not known yet: no card, rather than one that vanishes again.
  if (isError ? isNotFound(error) : !assistance?.enabled) {
    return null
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.assistance.title")}
        description={t("customerAccounts.assistance.description")}
      />
      {assistance ? (
        <AssistanceDetails
          customer={customer}
          assistance={assistance}
          onLinkClosed={() => refetch()}
        />
      ) : (
        <SectionLoadError
          title={t("customerAccounts.assistance.loadError")}
          message={error?.message ?? ""}
          retryLabel={t("customerAccounts.assistance.retry")}
          onRetry={() => refetch()}
        />
      )}
    </Container>
  )
}

type AssistanceDetailsProps = {
  customer: AdminCustomer
  assistance: AdminCustomerAssistanceResponse["assistance"]
  /** The link drawer closed: the session it started may be running now. */
  onLinkClosed: () => void
}

const AssistanceDetails = ({
  customer,
  assistance,
  onLinkClosed,
}: AssistanceDetailsProps) => {
  const { t } = useTranslation()
  const { can } = useMyPermissions()
  const [starting, setStarting] = useState(false)
  const consent = consentState(assistance.consent)
  const canStart = consent.holds && can("assistance.start")

  return (
    <>
      <SectionRow label={t("customerAccounts.assistance.consent.label")}>
        <ConsentValue consent={consent} />
      </SectionRow>
      {!consent.holds && (
        <SectionNote>{t("customerAccounts.assistance.consent.missingHint")}</SectionNote>
      )}
      {assistance.sessions.length === 0 ? (
        <SectionNote>{t("customerAccounts.assistance.sessions.empty")}</SectionNote>
      ) : (
        <ul
          className="divide-y"
          aria-label={t("customerAccounts.assistance.sessions.title")}
        >
          {assistance.sessions.map((session) => (
            <AssistanceSessionItem
              key={session.id}
              customerId={customer.id}
              session={session}
            />
          ))}
        </ul>
      )}
      {canStart && (
        <div className="flex justify-end px-6 py-4">
          <Button size="small" variant="secondary" onClick={() => setStarting(true)}>
            {t("customerAccounts.assistance.actions.start")}
          </Button>
        </div>
      )}
      <StartAssistanceDrawer
        customer={customer}
        open={starting}
        onOpenChange={(open) => {
          setStarting(open)
          if (!open) {
            onLinkClosed()
          }
        }}
      />
    </>
  )
}

/** "Allowed until …", "Allowed", "Not allowed" or "Not required", as a badge. */
const ConsentValue = ({ consent }: { consent: ConsentState }) => {
  const { t } = useTranslation()

  switch (consent.status) {
    case "not_required":
      return (
        <Badge size="2xsmall" color="grey">
          {t("customerAccounts.assistance.consent.notRequired")}
        </Badge>
      )
    case "allowed":
      return (
        <Badge size="2xsmall" color="green">
          {t("customerAccounts.assistance.consent.allowed")}
        </Badge>
      )
    case "allowed_until":
      return (
        <div className="flex flex-col items-start gap-y-1">
          <Badge size="2xsmall" color="green">
            {t("customerAccounts.assistance.consent.allowed")}
          </Badge>
          <AssistanceTime
            value={consent.until}
            format={(date) =>
              t("customerAccounts.assistance.consent.until", { date })
            }
          />
        </div>
      )
    case "not_allowed":
      return (
        <Badge size="2xsmall" color="grey">
          {t("customerAccounts.assistance.consent.notAllowed")}
        </Badge>
      )
  }
}
