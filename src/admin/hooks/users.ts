import { useQuery } from "@tanstack/react-query"

import { adminUserKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** The signed-in admin user; only its id is fetched, to spot own records. */
export const useAdminMe = () => {
  const { data, ...rest } = useQuery({
    queryKey: adminUserKeys.me(),
    queryFn: () => sdk.admin.user.me({ fields: "id" }),
    // The session's user does not change while the page is open.
    staleTime: Infinity,
  })

  return { user: data?.user, ...rest }
}
