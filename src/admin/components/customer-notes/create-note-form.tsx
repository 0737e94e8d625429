import { Button, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"

import { Permitted } from "../common/permitted"

import { useCreateCustomerNote } from "../../hooks/customer-notes"
import { checkNoteBody } from "../../lib/customer-notes"
import { NoteBodyField } from "./note-body-field"

type CreateNoteFormProps = {
  customerId: string
}

export const CreateNoteForm = ({ customerId }: CreateNoteFormProps) => {
  const { t } = useTranslation()
  const [body, setBody] = useState("")
  const { mutate, isPending } = useCreateCustomerNote(customerId)
  const canSave = checkNoteBody(body).isValid && !isPending

  const save = () => {
    if (!canSave) {
      return
    }

    mutate(
      { body: body.trim() },
      {
        onSuccess: () => {
          setBody("")
          toast.success(t("customerAccounts.notes.toasts.created"))
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
    <form onSubmit={handleSubmit} className="flex flex-col gap-y-2">
      <NoteBodyField
        value={body}
        onChange={setBody}
        onSubmit={save}
        readOnly={isPending}
      />
      <div className="flex justify-end">
        <Permitted capability="notes.write">
          <Button
            type="submit"
            size="small"
            variant="secondary"
            disabled={!canSave}
            isLoading={isPending}
          >
            {t("customerAccounts.notes.actions.save")}
          </Button>
        </Permitted>
      </div>
    </form>
  )
}
