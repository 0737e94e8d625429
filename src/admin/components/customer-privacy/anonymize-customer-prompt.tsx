import { Alert, Button, Input, Prompt, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"

import type { useAnonymizeCustomer } from "../../hooks/customer-privacy"
import { confirmsEmail } from "../../lib/customer-privacy"
import { mutateThen } from "../../lib/mutation-options"
import { FormField } from "../common/form-field"

export type AnonymizeMutation = ReturnType<typeof useAnonymizeCustomer>

type AnonymizeCustomerPromptProps = {
  open: boolean
  /**
   * The customer's e-mail when the admin opened the prompt: what they type
   * to confirm. Taken when opening, as the refetch after the anonymization
   * clears it before the prompt has closed.
   */
  email: string
  /** Held by the card, so its toast outlives the prompt. */
  anonymize: AnonymizeMutation
  onClose: () => void
}

/**
 * The confirmation of an anonymization: what it erases and keeps, and the
 * customer's e-mail to type before "Anonymize" enables (it cannot be
 * undone). Stays open, with the server's reason, when the route refuses;
 * cannot be closed while the request runs.
 */
export const AnonymizeCustomerPrompt = ({
  open,
  email,
  anonymize,
  onClose,
}: AnonymizeCustomerPromptProps) => {
  const handleOpenChange = (next: boolean) => {
    if (next || anonymize.isPending) {
      return
    }
    anonymize.reset()
    onClose()
  }

  return (
    <Prompt open={open} onOpenChange={handleOpenChange}>
      {/* Mounts only while open: each opening starts with an empty field. */}
      <Prompt.Content className="max-w-[480px]">
        <AnonymizeForm email={email} anonymize={anonymize} onDone={onClose} />
      </Prompt.Content>
    </Prompt>
  )
}

type AnonymizeFormProps = {
  email: string
  anonymize: AnonymizeMutation
  onDone: () => void
}

const AnonymizeForm = ({ email, anonymize, onDone }: AnonymizeFormProps) => {
  const { t } = useTranslation()
  const [typed, setTyped] = useState("")
  const canConfirm = confirmsEmail(typed, email) && !anonymize.isPending

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!canConfirm) {
      return
    }
    mutateThen(
      anonymize,
      { confirm: typed.trim() },
      {
        onSuccess: () => {
          toast.success(t("customerAccounts.privacy.toasts.anonymized"))
          onDone()
        },
      }
    )
  }

  const consequences = [
    t("customerAccounts.privacy.anonymize.replaced"),
    t("customerAccounts.privacy.anonymize.erased"),
    t("customerAccounts.privacy.anonymize.ips"),
    t("customerAccounts.privacy.anonymize.orders"),
  ]

  return (
    <form onSubmit={handleSubmit}>
      <Prompt.Header>
        <Prompt.Title>
          {t("customerAccounts.privacy.anonymize.title")}
        </Prompt.Title>
        <Prompt.Description>
          {t("customerAccounts.privacy.anonymize.description", { email })}
        </Prompt.Description>
      </Prompt.Header>
      <div className="flex flex-col gap-y-4 px-6 pt-4">
        <ul className="text-ui-fg-subtle flex list-disc flex-col gap-y-1 pl-5">
          {consequences.map((consequence) => (
            <Text asChild key={consequence} size="small">
              <li>{consequence}</li>
            </Text>
          ))}
        </ul>
      </div>
      <div className="border-ui-border-base mt-6 flex flex-col gap-y-4 border-y p-6">
        {anonymize.error && (
          <Alert variant="error" dismissible={false}>
            {/* Medusa words every 409 for idempotency keys: say what it is. */}
            {anonymize.error.status === 409
              ? t("customerAccounts.privacy.anonymize.running")
              : anonymize.error.message}
          </Alert>
        )}
        <FormField
          label={t("customerAccounts.privacy.anonymize.confirmLabel", {
            email,
          })}
          hint={t("customerAccounts.privacy.anonymize.confirmHint")}
        >
          {(control) => (
            <Input
              {...control}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value)
                // The refusal was about what was sent, not what is typed now.
                if (anonymize.error) {
                  anonymize.reset()
                }
              }}
              readOnly={anonymize.isPending}
            />
          )}
        </FormField>
      </div>
      <Prompt.Footer>
        <Prompt.Cancel type="button" disabled={anonymize.isPending}>
          {t("customerAccounts.privacy.actions.cancel")}
        </Prompt.Cancel>
        {/* Not a Prompt.Action: that closes at once, before the answer. */}
        <Button
          size="small"
          variant="danger"
          type="submit"
          disabled={!canConfirm}
          isLoading={anonymize.isPending}
        >
          {t("customerAccounts.privacy.actions.anonymize")}
        </Button>
      </Prompt.Footer>
    </form>
  )
}
