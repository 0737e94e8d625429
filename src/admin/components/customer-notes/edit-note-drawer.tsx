import { toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import type { AdminCustomerNote } from "../../../types/customer-note"
import { useUpdateCustomerNote } from "../../hooks/customer-notes"
import { checkNoteBody } from "../../lib/customer-notes"
import { FormDrawer, useFormDrawer } from "../common/form-drawer"
import { NoteBodyField } from "./note-body-field"

type EditNoteDrawerProps = {
  note: AdminCustomerNote
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Drawer to rewrite the text of one's own note. */
export const EditNoteDrawer = ({
  note,
  open,
  onOpenChange,
}: EditNoteDrawerProps) => {
  const { t } = useTranslation()

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("customerAccounts.notes.edit.title")}
      description={t("customerAccounts.notes.edit.description")}
    >
      <EditNoteForm note={note} />
    </FormDrawer>
  )
}

const EditNoteForm = ({ note }: { note: AdminCustomerNote }) => {
  const { t } = useTranslation()
  const { submit } = useFormDrawer()
  const [body, setBody] = useState(note.body)
  const { mutateAsync, isPending } = useUpdateCustomerNote(
    note.customer_id,
    note.id
  )

  const isUnchanged = body.trim() === note.body.trim()

  return (
    <FormDrawer.Form
      onSubmit={() =>
        mutateAsync(
          { body: body.trim() },
          { onError: (error) => toast.error(error.message) }
        )
      }
      successMessage={t("customerAccounts.notes.toasts.updated")}
      isPending={isPending}
      isDirty={!isUnchanged}
      canSubmit={checkNoteBody(body).isValid && !isUnchanged}
    >
      <NoteBodyField
        value={body}
        onChange={setBody}
        onSubmit={submit}
        readOnly={isPending}
        autoFocus
        rows={12}
      />
    </FormDrawer.Form>
  )
}
