import { Button, toast, usePrompt } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { useEndAssistance } from "../../hooks/assistance"
import { mutateThen } from "../../lib/mutation-options"
import { Permitted } from "../common/permitted"

type EndAssistanceButtonProps = {
  customerId: string
  sessionId: string
  /** Who is signed in as the customer, named in the confirmation. */
  staffName: string
}

/**
 * "End" of one running assisted session: asks first, then signs the staff
 * member out of the customer's account (their tokens stop working at once).
 * Needs `sessions.revoke`, as ending any of a customer's sessions does.
 */
export const EndAssistanceButton = ({
  customerId,
  sessionId,
  staffName,
}: EndAssistanceButtonProps) => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const end = useEndAssistance(customerId)

  const handleEnd = async () => {
    const confirmed = await prompt({
      title: t("customerAccounts.assistance.end.title"),
      description: t("customerAccounts.assistance.end.description", {
        name: staffName,
      }),
      confirmText: t("customerAccounts.assistance.end.confirm"),
      cancelText: t("customerAccounts.assistance.end.cancel"),
    })
    if (!confirmed) {
      return
    }
    mutateThen(
      end,
      { sessionId },
      {
        onSuccess: ({ ended }) => {
          toast.success(
            ended > 0
              ? t("customerAccounts.assistance.toasts.ended")
              : t("customerAccounts.assistance.toasts.endedAlready")
          )
        },
        onError: (error) => {
          toast.error(error.message)
        },
      }
    )
  }

  return (
    <Permitted capability="sessions.revoke">
      <Button
        size="small"
        variant="secondary"
        onClick={handleEnd}
        isLoading={end.isPending}
        disabled={end.isPending}
      >
        {t("customerAccounts.assistance.actions.end")}
      </Button>
    </Permitted>
  )
}
