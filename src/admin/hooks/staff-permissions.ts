import { useMutation, useQuery } from "@tanstack/react-query"
import type {
  AdminMyPermissionsResponse,
  AdminSetStaffPermissionsResponse,
  AdminStaffPermissionChangesResponse,
  AdminStaffPermissionsResponse,
  Capability,
} from "../../types/staff-permissions"
import { staffPermissionKeys } from "../lib/query-keys"
import { useInvalidatingOptions, type MutationOptions } from "../lib/mutation-options"
import { sdk } from "../lib/sdk"

const BASE = "/admin/customer-accounts/permissions"

/** Every Back Office user with their capabilities, the mode and the catalog. */
export const useStaffPermissions = () => {
  const { data, ...rest } = useQuery({
    queryKey: staffPermissionKeys.list(),
    queryFn: ({ signal }) => sdk.client.fetch<AdminStaffPermissionsResponse>(BASE, { signal }),
  })
  return { permissions: data, ...rest }
}

/**
 * What the current user may do. `can(capability)` is true while loading in
 * `open` mode's stead (the server decides anyway; a widget only hides).
 */
export const useMyPermissions = () => {
  const { data, ...rest } = useQuery({
    queryKey: staffPermissionKeys.me(),
    queryFn: ({ signal }) => sdk.client.fetch<AdminMyPermissionsResponse>(`${BASE}/me`, { signal }),
    staleTime: 60_000,
  })
  const can = (capability: Capability) => !data || data.capabilities.includes(capability)
  return { mine: data, can, ...rest }
}

/** The audit trail, newest first. */
export const useStaffPermissionChanges = () => {
  const { data, ...rest } = useQuery({
    queryKey: staffPermissionKeys.changes(),
    queryFn: ({ signal }) => sdk.client.fetch<AdminStaffPermissionChangesResponse>(`${BASE}/changes`, { signal }),
  })
  return { changes: data?.changes, count: data?.count, ...rest }
}

/** Replaces a user's capabilities (needs `permissions.manage`). */
export const useSetStaffPermissions = (
  userId: string,
  options?: MutationOptions<AdminSetStaffPermissionsResponse, Capability[]>
) =>
  useMutation({
    mutationFn: (capabilities: Capability[]) =>
      sdk.client.fetch<AdminSetStaffPermissionsResponse>(`${BASE}/${encodeURIComponent(userId)}`, {
        method: "POST",
        body: { capabilities },
      }),
    ...useInvalidatingOptions([staffPermissionKeys.all], options),
  })
