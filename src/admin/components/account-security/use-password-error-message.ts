import { useTranslation } from "react-i18next"

import type {
  PasswordPolicySummary,
  PasswordStrength,
} from "../../../types/account-security"

type PasswordError = PasswordStrength["errors"][number]

/**
 * Puts the policy's errors in the dashboard's language, by their stable
 * `code` and the policy's numbers. The server's English `message` stays the
 * fallback for a code this admin does not know yet, or before the policy
 * loaded.
 */
export const usePasswordErrorMessage = (
  policy: PasswordPolicySummary | undefined,
  score: number | undefined
) => {
  const { t } = useTranslation()

  return (error: PasswordError): string => {
    if (!policy) {
      return error.message
    }

    switch (error.code) {
      case "too_short":
        return t("customerAccounts.security.passwordErrors.tooShort", {
          count: policy.min_length,
        })
      case "too_long":
        return t("customerAccounts.security.passwordErrors.tooLong", {
          count: policy.max_length,
        })
      case "deny_list":
        return t("customerAccounts.security.passwordErrors.denyList")
      case "common":
        return t("customerAccounts.security.passwordErrors.common")
      case "contains_personal_info":
        return t("customerAccounts.security.passwordErrors.personalInfo")
      case "character_set":
        return policy.character_set_pattern === null
          ? error.message
          : t("customerAccounts.security.passwordErrors.characterSet", {
              pattern: policy.character_set_pattern,
            })
      case "sequence":
        return policy.sequence_limit === null
          ? error.message
          : t("customerAccounts.security.passwordErrors.sequence", {
              count: policy.sequence_limit,
            })
      case "too_weak":
        return score === undefined
          ? error.message
          : t("customerAccounts.security.passwordErrors.tooWeak", {
              score,
              min: policy.min_score,
            })
      case "breached":
        return t("customerAccounts.security.passwordErrors.breached")
      case "breach_check_unavailable":
        return t("customerAccounts.security.passwordErrors.breachCheckUnavailable")
      case "reused":
        return t("customerAccounts.security.passwordErrors.reused", {
          count: policy.history_size,
        })
      default:
        return error.message
    }
  }
}
