import { Badge, Button, Checkbox, Container, Label, Skeleton, Text, Tooltip } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import type { AdminStaffMember, Capability } from "../../../types/staff-permissions"
import { useMyPermissions, useSetStaffPermissions, useStaffPermissions } from "../../hooks/staff-permissions"
import { capabilityLabelKey, presetOf, ROLE_PRESETS, type RolePreset } from "../../lib/staff-permissions"
import { FormDrawer } from "../common/form-drawer"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { SectionNote } from "../common/section-note"

/**
 * "Staff permissions" of the settings page: every Back Office user with what
 * they may do, and (for users who may manage permissions) an editor with
 * role presets. In `open` mode the grants are kept but not applied yet.
 */
export const StaffPermissionsSection = () => {
  const { t } = useTranslation()
  const { permissions, isError, error, refetch } = useStaffPermissions()
  const { can } = useMyPermissions()
  const [editing, setEditing] = useState<AdminStaffMember | null>(null)
  const mayManage = can("permissions.manage")

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("customerAccounts.permissions.title")}
        description={
          permissions?.mode === "enforced"
            ? t("customerAccounts.permissions.descriptionEnforced")
            : t("customerAccounts.permissions.descriptionOpen")
        }
      />
      {permissions ? (
        <ul className="divide-y" aria-label={t("customerAccounts.permissions.title")}>
          {permissions.users.map((user) => (
            <li key={user.id} className="flex items-start justify-between gap-x-4 px-6 py-4">
              <div className="flex min-w-0 flex-col gap-y-1">
                <Text size="small" weight="plus" className="truncate">
                  {[user.first_name, user.last_name].filter(Boolean).join(" ") || user.email}
                </Text>
                <Text size="small" className="text-ui-fg-subtle truncate">
                  {user.email}
                </Text>
                <div className="flex flex-wrap gap-1">
                  <GrantSummary user={user} />
                </div>
              </div>
              {!user.owner && (
                <Tooltip content={mayManage ? undefined : t("customerAccounts.permissions.missing", { capability: "permissions.manage" })}>
                  <span>
                    <Button size="small" variant="secondary" disabled={!mayManage} onClick={() => setEditing(user)}>
                      {t("customerAccounts.permissions.edit")}
                    </Button>
                  </span>
                </Tooltip>
              )}
            </li>
          ))}
        </ul>
      ) : isError ? (
        <SectionLoadError
          title={t("customerAccounts.permissions.loadError")}
          message={error.message}
          retryLabel={t("customerAccounts.settings.retry")}
          onRetry={() => refetch()}
        />
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      )}
      {permissions?.mode === "open" && <SectionNote>{t("customerAccounts.permissions.openNote")}</SectionNote>}
      {editing && permissions && (
        <FormDrawer
          open={!!editing}
          onOpenChange={(open) => !open && setEditing(null)}
          title={t("customerAccounts.permissions.editTitle", { email: editing.email })}
          description={t("customerAccounts.permissions.editDescription")}
        >
          <EditStaffPermissionsForm user={editing} catalog={permissions.capabilities} />
        </FormDrawer>
      )}
    </Container>
  )
}

/** What a user may do, in short: Owner, a preset's name, or each capability. */
const GrantSummary = ({ user }: { user: AdminStaffMember }) => {
  const { t } = useTranslation()
  if (user.owner) {
    return (
      <Badge size="2xsmall" color="purple">
        {t("customerAccounts.permissions.owner")}
      </Badge>
    )
  }
  if (user.capabilities.length === 0) {
    return (
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("customerAccounts.permissions.none")}
      </Text>
    )
  }
  const preset = presetOf(user.capabilities)
  if (preset) {
    return <Badge size="2xsmall">{t(`customerAccounts.permissions.presets.${preset}`)}</Badge>
  }
  return (
    <>
      {user.capabilities.map((capability) => (
        <Badge key={capability} size="2xsmall">
          {t(capabilityLabelKey(capability))}
        </Badge>
      ))}
    </>
  )
}

const EditStaffPermissionsForm = ({ user, catalog }: { user: AdminStaffMember; catalog: Capability[] }) => {
  const { t } = useTranslation()
  const [held, setHeld] = useState<Capability[]>(user.capabilities)
  const { mutateAsync, isPending, error } = useSetStaffPermissions(user.id)
  const changed = [...held].sort().join(",") !== [...user.capabilities].sort().join(",")
  const toggle = (capability: Capability, on: boolean) =>
    setHeld((current) => (on ? [...current, capability] : current.filter((name) => name !== capability)))

  return (
    <FormDrawer.Form
      onSubmit={() => mutateAsync(catalog.filter((capability) => held.includes(capability)))}
      successMessage={t("customerAccounts.permissions.toasts.updated")}
      isPending={isPending}
      isDirty={changed}
      canSubmit={changed}
      error={error?.message ?? null}
    >
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">
          {t("customerAccounts.permissions.presets.label")}
        </Label>
        <div className="flex flex-wrap gap-2">
          {(Object.keys(ROLE_PRESETS) as RolePreset[]).map((preset) => (
            <Button key={preset} type="button" size="small" variant="secondary" onClick={() => setHeld([...ROLE_PRESETS[preset]])}>
              {t(`customerAccounts.permissions.presets.${preset}`)}
            </Button>
          ))}
        </div>
      </div>
      <fieldset className="flex flex-col gap-y-3">
        <legend className="sr-only">{t("customerAccounts.permissions.title")}</legend>
        {catalog.map((capability) => (
          <div key={capability} className="flex items-center gap-x-2">
            <Checkbox
              id={`capability-${capability}`}
              checked={held.includes(capability)}
              onCheckedChange={(checked) => toggle(capability, checked === true)}
            />
            <Label htmlFor={`capability-${capability}`} size="small">
              {t(capabilityLabelKey(capability))} <span className="text-ui-fg-muted">({capability})</span>
            </Label>
          </div>
        ))}
      </fieldset>
    </FormDrawer.Form>
  )
}
