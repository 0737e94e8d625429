import type { AdminCustomer } from "@medusajs/framework/types"
import { Badge, Container } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { useCustomerEmailVerification } from "../../hooks/email-verification"
import { useCustomerMfa } from "../../hooks/mfa"
import { useCustomerSecurity, useUnblockIp } from "../../hooks/login-security"
import { CustomerSessions } from "../account-sessions/customer-sessions"
import { SectionHeader } from "../common/section-header"
import { SectionNote } from "../common/section-note"
import { SectionRow } from "../common/section-row"
import { BlockedIpsList } from "./blocked-ips-list"
import { EmailVerificationRow } from "./email-verification-row"
import { LoginSecurityCard } from "./login-security-card"
import { MfaRow } from "./mfa-row"
import { SecurityActions } from "./security-actions"
import { SecurityCounters } from "./security-counters"

type AccountSecuritySectionProps = {
  customer: AdminCustomer
}

/**
 * The account security card of the customer page's side column: lock
 * status, failed-login counters, whether the e-mail address is verified,
 * whether two-step verification is on, unlock, password, verification and
 * MFA actions, the blocked IPs the customer was tried from, the customer's
 * active sessions with "Sign out everywhere". A guest has no account, so no
 * sign-in to guard and no address to verify: the card says so instead, and
 * asks the API nothing.
 */
export const AccountSecuritySection = ({
  customer,
}: AccountSecuritySectionProps) =>
  customer.has_account ? (
    <AccountHolderSecurity customer={customer} />
  ) : (
    <GuestSecurity />
  )

const AccountHolderSecurity = ({ customer }: AccountSecuritySectionProps) => {
  const { t } = useTranslation()
  const { security, error, refetch } = useCustomerSecurity(customer.id)
  // Loaded alongside the lockout state, not after it.
  const verification = useCustomerEmailVerification(customer.id)
  const mfa = useCustomerMfa(customer.id)
  // Lives as long as the card, so its toast follows even when the list empties.
  const unblock = useUnblockIp(customer.id)

  return (
    <LoginSecurityCard
      title={t("customerAccounts.security.title")}
      description={t("customerAccounts.security.description")}
      security={security}
      error={error}
      onRetry={() => refetch()}
    >
      {(security) => (
        <>
          <SecurityCounters security={security} />
          <EmailVerificationRow
            emailVerification={verification.emailVerification}
            error={verification.error}
            onRetry={() => verification.refetch()}
          />
          <MfaRow
            mfa={mfa.mfa}
            error={mfa.error}
            onRetry={() => mfa.refetch()}
          />
          <SecurityActions
            customer={customer}
            security={security}
            emailVerification={verification.emailVerification}
            mfa={mfa.mfa}
          />
          <BlockedIpsList
            blockedIps={security.blocked_ips}
            unblock={unblock}
            description={t("customerAccounts.security.blockedIps.description")}
            unblockDescription={t(
              "customerAccounts.security.unblockIp.description"
            )}
          />
          <CustomerSessions customer={customer} />
        </>
      )}
    </LoginSecurityCard>
  )
}

/**
 * No lock status, counters or actions: a guest's e-mail may belong to a
 * registered customer too, whose sign-ins are theirs, not this record's.
 */
const GuestSecurity = () => {
  const { t } = useTranslation()

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.security.title")}
        description={t("customerAccounts.security.description")}
      />
      <SectionRow label={t("customerAccounts.security.status.label")}>
        <Badge size="2xsmall" color="grey">
          {t("customerAccounts.security.status.guest")}
        </Badge>
      </SectionRow>
      <SectionNote>{t("customerAccounts.security.guest")}</SectionNote>
    </Container>
  )
}
