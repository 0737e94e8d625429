import type { Capability } from "../lib/permissions/capabilities"

export type { Capability }

/** A Back Office user and what they may do. */
export type AdminStaffMember = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  /** Listed in `staffPermissions.owners`: holds every capability, whatever was granted. */
  owner: boolean
  /** Granted in the admin. */
  capabilities: Capability[]
  /** What the user may do now (every capability in `open` mode or as an owner). */
  effective: Capability[]
}

export type AdminStaffPermissionsResponse = {
  mode: "open" | "enforced"
  /** Every capability there is, in the catalog's order. */
  capabilities: Capability[]
  users: AdminStaffMember[]
}

export type AdminMyPermissionsResponse = {
  mode: "open" | "enforced"
  owner: boolean
  /** What the current user may do. */
  capabilities: Capability[]
}

export type AdminSetStaffPermissionsResponse = { user: AdminStaffMember }

/** One entry of the audit trail: who changed whose capabilities, from what to what, when. */
export type AdminStaffPermissionChange = {
  id: string
  user_id: string
  actor_id: string
  before: Capability[]
  after: Capability[]
  created_at: string
  user: { email: string } | null
  actor: { email: string } | null
}

export type AdminStaffPermissionChangesResponse = { changes: AdminStaffPermissionChange[]; count: number }
