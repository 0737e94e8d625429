import { useQuery } from "@tanstack/react-query"

import type { AdminSecuritySettingsResponse } from "../../types/security-settings"
import { securitySettingsKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** The failed-login lockout in force for customers and Back Office users (read-only). */
export const useSecuritySettings = () => {
  const { data, ...rest } = useQuery({
    queryKey: securitySettingsKeys.detail(),
    queryFn: ({ signal }) =>
      sdk.client.fetch<AdminSecuritySettingsResponse>(
        "/admin/customer-accounts/security-settings",
        { signal }
      ),
    // Plugin options: they only change when the server restarts.
    staleTime: Infinity,
  })

  return { securitySettings: data?.security_settings, ...rest }
}
