import type { AdminCustomer } from "@medusajs/framework/types"
import {
  Alert,
  Button,
  Drawer,
  Input,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"

import {
  useStartAssistance,
  type AdminStartAssistanceResponse,
} from "../../hooks/assistance"
import {
  ASSISTANCE_REASON_MAX_LENGTH,
  ASSISTANCE_REASON_MIN_LENGTH,
  checkAssistanceReason,
  minutesUntil,
} from "../../lib/assistance"
import { formatDateTime, toIntlLocale } from "../../lib/date-format"
import { FormField } from "../common/form-field"

type IssuedCode = AdminStartAssistanceResponse["assistance"]

type StartAssistanceDrawerProps = {
  customer: AdminCustomer
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * "Sign in as customer": asks why (recorded on the customer's timeline,
 * which the customer sees), then shows the one-time link to open in the
 * storefront, or the code alone when the shop has no `storefrontUrl`. The
 * content mounts only while open: each opening starts with an empty reason
 * and forgets the last link.
 */
export const StartAssistanceDrawer = ({
  customer,
  open,
  onOpenChange,
}: StartAssistanceDrawerProps) => {
  const { t } = useTranslation()
  const [issued, setIssued] = useState<IssuedCode | null>(null)

  const handleOpenChange = (next: boolean) => {
    if (!next) {
      setIssued(null)
    }
    onOpenChange(next)
  }

  return (
    <Drawer open={open} onOpenChange={handleOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("customerAccounts.assistance.start.title")}</Drawer.Title>
          <Drawer.Description className="sr-only">
            {t("customerAccounts.assistance.start.description", {
              email: customer.email,
            })}
          </Drawer.Description>
        </Drawer.Header>
        {issued ? (
          <IssuedLink issued={issued} onDone={() => handleOpenChange(false)} />
        ) : (
          <ReasonForm customer={customer} onIssued={setIssued} />
        )}
      </Drawer.Content>
    </Drawer>
  )
}

type ReasonFormProps = {
  customer: AdminCustomer
  onIssued: (issued: IssuedCode) => void
}

const ReasonForm = ({ customer, onIssued }: ReasonFormProps) => {
  const { t } = useTranslation()
  const [reason, setReason] = useState("")
  const [triedSubmit, setTriedSubmit] = useState(false)
  const { mutate, isPending, error, reset } = useStartAssistance(customer.id)
  const check = checkAssistanceReason(reason)

  const fieldError = check.isTooLong
    ? t("customerAccounts.assistance.start.reasonTooLong", {
        count: ASSISTANCE_REASON_MAX_LENGTH,
      })
    : triedSubmit && check.isTooShort
      ? t("customerAccounts.assistance.start.reasonTooShort", {
          count: ASSISTANCE_REASON_MIN_LENGTH,
        })
      : undefined

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setTriedSubmit(true)
    if (!check.isValid || isPending) {
      return
    }
    mutate(
      { reason: reason.trim() },
      {
        onSuccess: ({ assistance }) => onIssued(assistance),
      }
    )
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        {/* Screen readers hear this as the drawer's description already. */}
        <Text size="small" className="text-ui-fg-subtle" aria-hidden>
          {t("customerAccounts.assistance.start.description", {
            email: customer.email,
          })}
        </Text>
        {error && (
          <Alert variant="error" dismissible={false}>
            {error.message}
          </Alert>
        )}
        <FormField
          label={t("customerAccounts.assistance.start.reasonLabel")}
          hint={t("customerAccounts.assistance.start.reasonHint", {
            min: ASSISTANCE_REASON_MIN_LENGTH,
            max: ASSISTANCE_REASON_MAX_LENGTH,
          })}
          error={fieldError}
        >
          {(control) => (
            <Textarea
              {...control}
              name="reason"
              rows={4}
              autoFocus
              value={reason}
              readOnly={isPending}
              placeholder={t("customerAccounts.assistance.start.reasonPlaceholder")}
              onChange={(event) => {
                setReason(event.target.value)
                // The server's refusal was about what was sent.
                if (error) {
                  reset()
                }
              }}
            />
          )}
        </FormField>
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            {t("customerAccounts.common.cancel")}
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          isLoading={isPending}
          disabled={isPending || check.isTooLong}
        >
          {t("customerAccounts.assistance.start.submit")}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

type IssuedLinkProps = {
  issued: IssuedCode
  onDone: () => void
}

/**
 * The link (or the code) and how long it works. Opening it in a new tab
 * signs that browser in as the customer; copying it lets staff open it in
 * a private window, away from their own storefront session.
 */
const IssuedLink = ({ issued, onDone }: IssuedLinkProps) => {
  const { t, i18n } = useTranslation()
  const locale = toIntlLocale(i18n.language)
  // Computed once, when the code arrived: the code's lifetime as issued.
  const [minutes] = useState(() => minutesUntil(issued.expires_at))
  const expiresAt = formatDateTime(new Date(issued.expires_at), locale)
  const secret = issued.url ?? issued.code

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret)
      toast.success(
        issued.url
          ? t("customerAccounts.assistance.toasts.linkCopied")
          : t("customerAccounts.assistance.toasts.codeCopied")
      )
    } catch {
      toast.error(t("customerAccounts.assistance.toasts.copyFailed"))
    }
  }

  return (
    <>
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        {!issued.url && (
          <Alert variant="warning" dismissible={false}>
            {t("customerAccounts.assistance.start.noStorefrontUrl")}
          </Alert>
        )}
        <FormField
          label={
            issued.url
              ? t("customerAccounts.assistance.start.linkLabel")
              : t("customerAccounts.assistance.start.codeLabel")
          }
          hint={t("customerAccounts.assistance.start.validFor", {
            count: minutes,
            time: expiresAt,
          })}
        >
          {(control) => (
            <Input
              {...control}
              name={issued.url ? "assistance-link" : "assistance-code"}
              readOnly
              value={secret}
              className="font-mono"
              onFocus={(event) => event.target.select()}
            />
          )}
        </FormField>
        <div className="flex flex-wrap gap-2">
          {issued.url && (
            <Button size="small" variant="primary" asChild>
              <a href={issued.url} target="_blank" rel="noopener noreferrer">
                {t("customerAccounts.assistance.start.open")}
              </a>
            </Button>
          )}
          <Button size="small" variant="secondary" type="button" onClick={copy}>
            {issued.url
              ? t("customerAccounts.assistance.start.copyLink")
              : t("customerAccounts.assistance.start.copyCode")}
          </Button>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerAccounts.assistance.start.afterwards")}
        </Text>
      </Drawer.Body>
      <Drawer.Footer>
        <Button size="small" variant="secondary" type="button" onClick={onDone}>
          {t("customerAccounts.assistance.start.done")}
        </Button>
      </Drawer.Footer>
    </>
  )
}
