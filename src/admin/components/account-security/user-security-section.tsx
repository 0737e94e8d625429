import type { AdminUser } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"

import {
  useUnblockUserIp,
  useUnlockUser,
  useUserSecurity,
} from "../../hooks/user-security"
import { UserSessions } from "../account-sessions/user-sessions"
import { BlockedIpsList } from "./blocked-ips-list"
import { LoginAttemptsTable } from "./login-attempts-table"
import { LoginSecurityCard } from "./login-security-card"
import { SecurityCounters } from "./security-counters"
import { UnlockAction, unlockKindOf } from "./unlock-action"

type UserSecuritySectionProps = {
  user: AdminUser
}

/**
 * The login security card of a Back Office user's page: lock status,
 * failed-login counters, unlock, the blocked IPs the user was tried from,
 * the user's active sessions with "Sign out everywhere", recent login
 * attempts on the user's e-mail.
 */
export const UserSecuritySection = ({ user }: UserSecuritySectionProps) => {
  const { t } = useTranslation()
  const { security, error, refetch } = useUserSecurity(user.id)
  // Live as long as the card, so their toasts follow even when the button
  // or the list they came from disappears with the refetch.
  const unlock = useUnlockUser(user.id)
  const unblock = useUnblockUserIp(user.id)

  return (
    <LoginSecurityCard
      title={t("customerAccounts.userSecurity.title")}
      description={t("customerAccounts.userSecurity.description")}
      security={security}
      error={error}
      onRetry={() => refetch()}
    >
      {(security) => (
        <>
          <SecurityCounters security={security} />
          {unlockKindOf(security) && (
            <div className="flex items-center justify-end px-6 py-4">
              <UnlockAction
                capability="users.security"
                security={security}
                unlock={unlock}
                unlockDescription={t(
                  "customerAccounts.userSecurity.unlock.description"
                )}
                resetCountersDescription={t(
                  "customerAccounts.userSecurity.resetCounters.description"
                )}
              />
            </div>
          )}
          <BlockedIpsList
            blockedIps={security.blocked_ips}
            unblock={unblock}
            description={t(
              "customerAccounts.userSecurity.blockedIps.description"
            )}
            unblockDescription={t(
              "customerAccounts.userSecurity.unblockIp.description"
            )}
          />
          <UserSessions user={user} />
          <LoginAttemptsTable
            attempts={security.recent_attempts}
            title={t("customerAccounts.security.attempts.title")}
            emptyDescription={t(
              "customerAccounts.userSecurity.attempts.empty.description"
            )}
          />
        </>
      )}
    </LoginSecurityCard>
  )
}
