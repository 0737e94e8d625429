import { Button, Drawer, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"

import type { AdminCustomerNote } from "../../../types/customer-note"
import { useUpdateCustomerNote } from "../../hooks/customer-notes"
import { checkNoteBody } from "../../lib/customer-notes"
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
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("customerAccounts.notes.edit.title")}</Drawer.Title>
          <Drawer.Description className="sr-only">
            {t("customerAccounts.notes.edit.description")}
          </Drawer.Description>
        </Drawer.Header>
        {/* Mounted only while open: reopening starts from the saved text. */}
        <EditNoteForm note={note} onDone={() => onOpenChange(false)} />
      </Drawer.Content>
    </Drawer>
  )
}

type EditNoteFormProps = {
  note: AdminCustomerNote
  onDone: () => void
}

const EditNoteForm = ({ note, onDone }: EditNoteFormProps) => {
  const { t } = useTranslation()
  const [body, setBody] = useState(note.body)
  const { mutate, isPending } = useUpdateCustomerNote(note.customer_id, note.id)

  const isUnchanged = body.trim() === note.body.trim()
  const canSave = checkNoteBody(body).isValid && !isUnchanged && !isPending

  const save = () => {
    if (!canSave) {
      return
    }

    mutate(
      { body: body.trim() },
      {
        onSuccess: () => {
          toast.success(t("customerAccounts.notes.toasts.updated"))
          onDone()
        },
        onError: (error) => {
          toast.error(error.message)
        },
      }
    )
  }

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    save()
  }

  return (
    <form
      onSubmit={handleSubmit}
      className="flex flex-1 flex-col overflow-hidden"
    >
      <Drawer.Body className="flex flex-1 flex-col overflow-y-auto">
        <NoteBodyField
          value={body}
          onChange={setBody}
          onSubmit={save}
          readOnly={isPending}
          autoFocus
          rows={12}
        />
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            {t("customerAccounts.notes.actions.cancel")}
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          disabled={!canSave}
          isLoading={isPending}
        >
          {t("customerAccounts.notes.actions.save")}
        </Button>
      </Drawer.Footer>
    </form>
  )
}
