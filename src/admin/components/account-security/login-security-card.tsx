import { Container, Skeleton } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

import type { AdminLoginSecurity } from "../../../types/account-security"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"

type LoginSecurityCardProps = {
  title: string
  description: string
  /** The lockout state, once loaded. */
  security: AdminLoginSecurity | undefined
  /** Why the lockout state could not be loaded, if it could not. */
  error: Error | null
  onRetry: () => void
  /** The card's rows once the lockout state is there. */
  children: (security: AdminLoginSecurity) => ReactNode
}

/**
 * The frame of a login security card (customer page, user page): heading,
 * then the rows, a skeleton while loading, or the load error with a retry.
 */
export const LoginSecurityCard = ({
  title,
  description,
  security,
  error,
  onRetry,
  children,
}: LoginSecurityCardProps) => {
  const { t } = useTranslation()

  return (
    <Container className="divide-y p-0">
      <SectionHeader title={title} description={description} />
      {security ? (
        children(security)
      ) : error ? (
        <SectionLoadError
          title={t("customerAccounts.security.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.security.retry")}
          onRetry={onRetry}
        />
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-10 w-full" />
        </div>
      )}
    </Container>
  )
}
