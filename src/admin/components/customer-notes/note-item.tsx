import { Badge, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import type { AdminCustomerNote } from "../../../types/customer-note"
import {
  useDeleteCustomerNote,
  useUpdateCustomerNote,
} from "../../hooks/customer-notes"
import {
  getNoteAuthorLabel,
  isSystemNote,
  systemNoteTranslation,
} from "../../lib/customer-notes"
import { toIntlLocale } from "../../lib/date-format"
import { mutateThen } from "../../lib/mutation-options"
import { EditNoteDrawer } from "./edit-note-drawer"
import { NoteActionsMenu } from "./note-actions-menu"
import { RelativeTime } from "./relative-time"

type NoteItemProps = {
  note: AdminCustomerNote
  /** Whether the signed-in admin wrote the note (and so may edit its text). */
  isOwn: boolean
}

export const NoteItem = ({ note, isOwn }: NoteItemProps) => {
  const { t, i18n } = useTranslation()
  const prompt = usePrompt()
  const [isEditing, setIsEditing] = useState(false)

  const update = useUpdateCustomerNote(note.customer_id, note.id)
  const remove = useDeleteCustomerNote(note.customer_id, note.id)

  // System notes record security actions: their text and existence are fixed.
  const isSystem = isSystemNote(note)
  // A system note reads in the viewer's language; its body is the English
  // text, shown for notes without a message (admins' own, older ones).
  const systemText = systemNoteTranslation(
    note,
    toIntlLocale(i18n.language),
    (key) => i18n.exists(key)
  )
  // A note without an author user is the plugin's own or its author was deleted.
  const author =
    getNoteAuthorLabel(note) ??
    (isSystemNote(note)
      ? t("customerAccounts.notes.systemAuthor")
      : t("customerAccounts.notes.deletedAuthor"))

  const togglePin = () => {
    const pinned = !note.pinned
    mutateThen(
      update,
      { pinned },
      {
        onSuccess: () => {
          toast.success(
            pinned
              ? t("customerAccounts.notes.toasts.pinned")
              : t("customerAccounts.notes.toasts.unpinned")
          )
        },
        onError: (error) => {
          toast.error(error.message)
        },
      }
    )
  }

  const handleDelete = async () => {
    const confirmed = await prompt({
      title: t("customerAccounts.notes.delete.title"),
      description: t("customerAccounts.notes.delete.description"),
      confirmText: t("customerAccounts.notes.actions.delete"),
      cancelText: t("customerAccounts.notes.actions.cancel"),
    })

    if (!confirmed) {
      return
    }

    mutateThen(remove, undefined, {
      onSuccess: () => {
        toast.success(t("customerAccounts.notes.toasts.deleted"))
      },
      onError: (error) => {
        toast.error(error.message)
      },
    })
  }

  return (
    <article className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <Text
            size="small"
            leading="compact"
            weight="plus"
            className="truncate"
          >
            {author}
          </Text>
          <RelativeTime value={note.created_at} />
          {note.pinned && (
            <Badge size="2xsmall" color="blue">
              {t("customerAccounts.notes.pinned")}
            </Badge>
          )}
          {isSystem && (
            <Badge size="2xsmall" color="grey" title={t("customerAccounts.notes.systemHint")}>
              {t("customerAccounts.notes.systemBadge")}
            </Badge>
          )}
        </div>
        <NoteActionsMenu
          pinned={note.pinned}
          onEdit={isOwn && !isSystem ? () => setIsEditing(true) : undefined}
          onTogglePin={togglePin}
          onDelete={isSystem ? undefined : handleDelete}
          disabled={update.isPending || remove.isPending}
        />
      </div>
      {/* Plain text only: React escapes it; CSS keeps the line breaks. */}
      <Text
        size="small"
        className="text-ui-fg-subtle whitespace-pre-wrap break-words"
      >
        {systemText ? t(systemText.key, systemText.values) : note.body}
      </Text>
      {isOwn && !isSystem && (
        <EditNoteDrawer
          note={note}
          open={isEditing}
          onOpenChange={setIsEditing}
        />
      )}
    </article>
  )
}
