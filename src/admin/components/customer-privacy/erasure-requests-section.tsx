import { Container, Skeleton, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type { AdminErasureRequestsResponse } from "../../../types/customer-privacy"
import { useErasureRequests } from "../../hooks/customer-privacy"
import { customerDisplayName } from "../../lib/customer-privacy"
import { CustomerLink } from "../common/dashboard-link"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { SectionNote } from "../common/section-note"
import { RelativeTime } from "../customer-notes/relative-time"

type ErasureRequest = AdminErasureRequestsResponse["erasure_requests"][number]

/**
 * "Erasure requests" of the settings page: anonymizations that did not
 * finish first, then the customers who asked to erase their data and wait
 * for an admin, oldest (first due) first, each linking to the customer's
 * page, where the Personal data card anonymizes them.
 */
export const ErasureRequestsSection = () => {
  const { t } = useTranslation()
  const { erasureRequests, count, isError, error, refetch } =
    useErasureRequests()
  const more = erasureRequests ? (count ?? 0) - erasureRequests.length : 0

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.settings.erasureRequests.title")}
        description={t("customerAccounts.settings.erasureRequests.description")}
      />
      {erasureRequests ? (
        erasureRequests.length === 0 ? (
          <SectionNote>
            {t("customerAccounts.settings.erasureRequests.empty")}
          </SectionNote>
        ) : (
          <>
            <ul
              className="divide-y"
              aria-label={t("customerAccounts.settings.erasureRequests.title")}
            >
              {erasureRequests.map((request) => (
                <ErasureRequestItem key={request.customer_id} request={request} />
              ))}
            </ul>
            {more > 0 && (
              <SectionNote>
                {t("customerAccounts.settings.erasureRequests.more", {
                  count: more,
                })}
              </SectionNote>
            )}
          </>
        )
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.settings.erasureRequests.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.settings.retry")}
          onRetry={() => refetch()}
        />
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      )}
    </Container>
  )
}

const ErasureRequestItem = ({ request }: { request: ErasureRequest }) => {
  const { t } = useTranslation()
  const name = customerDisplayName(request) ?? request.customer_id
  // The e-mail on a line of its own, unless it is the name already.
  const email = request.email && request.email !== name ? request.email : null

  return (
    <li className="flex items-center justify-between gap-x-4 px-6 py-4">
      <div className="flex min-w-0 flex-col gap-y-1">
        <CustomerLink id={request.customer_id} name={name} truncate />
        {email && (
          <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
            {email}
          </Text>
        )}
      </div>
      <div className="shrink-0">
        <RelativeTime
          value={
            (request.status === "erasing"
              ? request.erasure_started_at
              : request.requested_at) ?? ""
          }
          format={(relative) =>
            request.status === "requested"
              ? t("customerAccounts.settings.erasureRequests.requested", {
                  relative,
                })
              : request.erasure_running
                ? t("customerAccounts.settings.erasureRequests.erasureRunning", {
                    relative,
                  })
                : t("customerAccounts.settings.erasureRequests.erasing", {
                    relative,
                  })
          }
        />
      </div>
    </li>
  )
}
