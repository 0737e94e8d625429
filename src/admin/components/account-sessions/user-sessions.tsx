import type { AdminUser } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"

import {
  useRevokeUserSessions,
  useUserSessions,
} from "../../hooks/account-sessions"
import { useAdminMe } from "../../hooks/users"
import { SessionsList } from "./sessions-list"

/**
 * The "Sessions" part of a Back Office user's Login security card, as for a
 * customer. On the signed-in admin's own page the confirmation says that
 * their own session ends too.
 */
export const UserSessions = ({ user }: { user: AdminUser }) => {
  const { t } = useTranslation()
  const { sessions, error, refetch } = useUserSessions(user.id)
  const revoke = useRevokeUserSessions(user.id)
  const { user: me } = useAdminMe()

  return (
    <SessionsList
      capability="users.security"
      sessions={sessions}
      error={error}
      onRetry={() => refetch()}
      revoke={revoke}
      description={t("customerAccounts.userSessions.description")}
      emptyDescription={t("customerAccounts.userSessions.empty.description")}
      revokeDescription={
        me?.id === user.id
          ? t("customerAccounts.userSessions.signOutEverywhere.ownDescription")
          : t("customerAccounts.userSessions.signOutEverywhere.description", {
              email: user.email,
            })
      }
    />
  )
}
