import { CheckCircleSolid, XCircleSolid } from "@medusajs/icons"
import { Text, clx } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type {
  PasswordPolicySummary,
  PasswordStrength,
} from "../../../types/account-security"
import { usePasswordErrorMessage } from "./use-password-error-message"
import { zxcvbnSuggestionKey, zxcvbnWarningKey } from "./zxcvbn-feedback"

/** zxcvbn scores 0-4, one segment each. */
const SEGMENTS = [0, 1, 2, 3, 4] as const

const SCORE_LABEL_KEYS = [
  "customerAccounts.security.strength.scores.veryWeak",
  "customerAccounts.security.strength.scores.weak",
  "customerAccounts.security.strength.scores.fair",
  "customerAccounts.security.strength.scores.strong",
  "customerAccounts.security.strength.scores.veryStrong",
] as const

const segmentColor = (score: number) =>
  score <= 1
    ? "bg-ui-tag-red-icon"
    : score === 2
      ? "bg-ui-tag-orange-icon"
      : "bg-ui-tag-green-icon"

/** The server refused to save the password (e.g. one used before). */
export type PasswordRefusal = {
  /** The rules it breaks; empty when the server named none. */
  errors: PasswordStrength["errors"]
  /** The server's own words, for when no rule is named. */
  message: string
}

type PasswordStrengthMeterProps = {
  id: string
  /** The latest verdict; may be for the previous input while checking. */
  strength: PasswordStrength | undefined
  isChecking: boolean
  /** The check itself failed (not the password). */
  checkError: Error | null
  /**
   * Why saving this very password failed. It outranks the check's verdict,
   * which cannot know everything the server does (the password history).
   */
  refusal?: PasswordRefusal | null
  policy: PasswordPolicySummary | undefined
}

/**
 * Five segments for zxcvbn's score, then what the policy (or, after a save,
 * the server) objects to, or that the password meets the policy, and
 * zxcvbn's advice.
 */
export const PasswordStrengthMeter = ({
  id,
  strength,
  isChecking,
  checkError,
  refusal,
  policy,
}: PasswordStrengthMeterProps) => {
  const { t } = useTranslation()
  const describeError = usePasswordErrorMessage(policy, strength?.score)

  return (
    <div id={id} className="flex flex-col gap-y-2">
      <div className="grid grid-cols-5 gap-x-1" aria-hidden>
        {SEGMENTS.map((segment) => (
          <div
            key={segment}
            className={clx(
              "h-1 rounded-full transition-colors",
              strength && segment <= strength.score
                ? segmentColor(strength.score)
                : "bg-ui-bg-switch-off",
              { "opacity-50": isChecking }
            )}
          />
        ))}
      </div>
      <div aria-live="polite" className="flex flex-col gap-y-2">
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
          {strength
            ? t("customerAccounts.security.strength.label", {
                score: t(SCORE_LABEL_KEYS[strength.score]),
              })
            : t("customerAccounts.security.strength.empty")}
          {isChecking &&
            ` · ${t("customerAccounts.security.strength.checking")}`}
        </Text>
        {checkError ? (
          <Text size="small" className="text-ui-fg-error">
            {t("customerAccounts.security.strength.checkError", {
              message: checkError.message,
            })}
          </Text>
        ) : (
          <>
            {refusal ? (
              <RefusalVerdict
                refusal={refusal}
                describeError={describeError}
              />
            ) : (
              strength && (
                <PolicyVerdict
                  strength={strength}
                  describeError={describeError}
                />
              )
            )}
            {strength && <StrengthAdvice strength={strength} />}
          </>
        )}
      </div>
    </div>
  )
}

type DescribeError = ReturnType<typeof usePasswordErrorMessage>

const ErrorList = ({ messages }: { messages: string[] }) => (
  <ul className="flex flex-col gap-y-1">
    {messages.map((message) => (
      <li key={message}>
        <Text size="small" className="text-ui-fg-error">
          {message}
        </Text>
      </li>
    ))}
  </ul>
)

/** The rules the password breaks, or a tick when it breaks none. */
const PolicyVerdict = ({
  strength,
  describeError,
}: {
  strength: PasswordStrength
  describeError: DescribeError
}) => {
  const { t } = useTranslation()

  if (strength.errors.length > 0) {
    return <ErrorList messages={strength.errors.map(describeError)} />
  }
  if (!strength.valid) {
    return null
  }
  return (
    <div className="flex items-center gap-x-1.5">
      <CheckCircleSolid className="text-ui-tag-green-icon" />
      <Text size="small" className="text-ui-fg-subtle">
        {t("customerAccounts.security.strength.valid")}
      </Text>
    </div>
  )
}

/** "The password was not accepted:" and why, in place of the tick. */
const RefusalVerdict = ({
  refusal,
  describeError,
}: {
  refusal: PasswordRefusal
  describeError: DescribeError
}) => {
  const { t } = useTranslation()

  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex items-center gap-x-1.5">
        <XCircleSolid className="text-ui-fg-error" />
        <Text size="small" weight="plus" className="text-ui-fg-error">
          {t("customerAccounts.security.setPassword.refused")}
        </Text>
      </div>
      <ErrorList
        messages={
          refusal.errors.length > 0
            ? refusal.errors.map(describeError)
            : [refusal.message]
        }
      />
    </div>
  )
}

/** zxcvbn's warning and suggestions, in the dashboard's language when known. */
const StrengthAdvice = ({ strength }: { strength: PasswordStrength }) => {
  const { t } = useTranslation()

  const warning = (text: string) => {
    const key = zxcvbnWarningKey(text)
    return key
      ? t(`customerAccounts.security.strength.feedback.warnings.${key}`)
      : text
  }
  const suggestion = (text: string) => {
    const key = zxcvbnSuggestionKey(text)
    return key
      ? t(`customerAccounts.security.strength.feedback.suggestions.${key}`)
      : text
  }

  if (!strength.warning && strength.suggestions.length === 0) {
    return null
  }

  return (
    <div className="flex flex-col gap-y-1">
      {/* A hint like the suggestions below it, not a heading over them. */}
      {strength.warning && (
        <Text size="small" className="text-ui-fg-subtle">
          {warning(strength.warning)}
        </Text>
      )}
      {strength.suggestions.length > 0 && (
        <ul className="text-ui-fg-subtle list-disc pl-5">
          {strength.suggestions.map((text) => (
            <li key={text}>
              <Text size="small">{suggestion(text)}</Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
