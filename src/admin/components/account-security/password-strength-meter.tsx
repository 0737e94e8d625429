import { CheckCircleSolid } from "@medusajs/icons"
import { Text, clx } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import type {
  PasswordPolicySummary,
  PasswordStrength,
} from "../../../types/account-security"
import { usePasswordErrorMessage } from "./use-password-error-message"

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

type PasswordStrengthMeterProps = {
  id: string
  /** The latest verdict; may be for the previous input while checking. */
  strength: PasswordStrength | undefined
  isChecking: boolean
  /** The check itself failed (not the password). */
  checkError: Error | null
  policy: PasswordPolicySummary | undefined
}

/**
 * Five segments for zxcvbn's score, then what the policy objects to and
 * zxcvbn's advice. The advice comes from the server in English only.
 */
export const PasswordStrengthMeter = ({
  id,
  strength,
  isChecking,
  checkError,
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
          strength && (
            <>
              {strength.errors.length > 0 ? (
                <ul className="flex flex-col gap-y-1">
                  {strength.errors.map((error) => (
                    <li key={error.code}>
                      <Text size="small" className="text-ui-fg-error">
                        {describeError(error)}
                      </Text>
                    </li>
                  ))}
                </ul>
              ) : (
                strength.valid && (
                  <div className="flex items-center gap-x-1.5">
                    <CheckCircleSolid className="text-ui-tag-green-icon" />
                    <Text size="small" className="text-ui-fg-subtle">
                      {t("customerAccounts.security.strength.valid")}
                    </Text>
                  </div>
                )
              )}
              {(strength.warning || strength.suggestions.length > 0) && (
                <div className="flex flex-col gap-y-1">
                  {strength.warning && (
                    <Text
                      size="small"
                      weight="plus"
                      className="text-ui-fg-subtle"
                    >
                      {strength.warning}
                    </Text>
                  )}
                  {strength.suggestions.length > 0 && (
                    <ul className="text-ui-fg-subtle list-disc pl-5">
                      {strength.suggestions.map((suggestion) => (
                        <li key={suggestion}>
                          <Text size="small">{suggestion}</Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </>
          )
        )}
      </div>
    </div>
  )
}
