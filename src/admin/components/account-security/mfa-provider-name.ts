import { useCallback } from "react"
import { useTranslation } from "react-i18next"

/**
 * How a factor's provider reads: "Authenticator app" for Medusa's TOTP; a
 * provider this admin does not know (a host's own) by its raw name.
 */
export const useMfaProviderName = () => {
  const { t } = useTranslation()

  return useCallback(
    (provider: string): string => {
      switch (provider) {
        case "totp":
          return t("customerAccounts.security.mfa.providers.totp")
        default:
          return provider
      }
    },
    [t]
  )
}
