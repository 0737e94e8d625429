import { Button, Container, Skeleton, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { useCustomerNotes } from "../../hooks/customer-notes"
import { useCustomerPrivacy } from "../../hooks/customer-privacy"
import { useAdminMe } from "../../hooks/users"
import { CreateNoteForm } from "./create-note-form"
import { NoteItem } from "./note-item"
import { SectionEmpty } from "../common/section-empty"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"

type CustomerNotesSectionProps = {
  customerId: string
}

/** The notes card of the customer page: add form, list, "Show more". */
export const CustomerNotesSection = ({
  customerId,
}: CustomerNotesSectionProps) => {
  const { t } = useTranslation()
  const { user } = useAdminMe()
  const { privacy } = useCustomerPrivacy(customerId)
  const {
    notes,
    isPending,
    isError,
    error,
    refetch,
    hasNextPage,
    fetchNextPage,
    isFetchingNextPage,
  } = useCustomerNotes(customerId)

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.notes.title")}
        description={t("customerAccounts.notes.description")}
      />
      <div className="px-6 py-4">
        {/* The person was erased: the page offers no new notes about them. */}
        {privacy?.status === "anonymized" ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerAccounts.notes.anonymized")}
          </Text>
        ) : (
          <CreateNoteForm customerId={customerId} />
        )}
      </div>
      {isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.notes.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.notes.retry")}
          onRetry={() => refetch()}
        />
      ) : notes.length === 0 ? (
        <SectionEmpty
          title={t("customerAccounts.notes.empty.title")}
          description={t("customerAccounts.notes.empty.description")}
        />
      ) : (
        <>
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              isOwn={!!user && note.author_id === user.id}
            />
          ))}
          {hasNextPage && (
            <div className="flex justify-center px-6 py-4">
              <Button
                size="small"
                variant="transparent"
                onClick={() => fetchNextPage()}
                isLoading={isFetchingNextPage}
                disabled={isFetchingNextPage}
              >
                {t("customerAccounts.notes.showMore")}
              </Button>
            </div>
          )}
        </>
      )}
    </Container>
  )
}
