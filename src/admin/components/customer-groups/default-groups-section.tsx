import { Button, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

import { Permitted } from "../common/permitted"

import {
  useCustomerAccountsSettings,
  useCustomerGroupChoices,
} from "../../hooks/customer-groups"
import { CustomerGroupLink } from "../common/dashboard-link"
import { SectionHeader } from "../common/section-header"
import { SectionLoadError } from "../common/section-load-error"
import { EditDefaultGroupsDrawer } from "./edit-default-groups-drawer"

/**
 * "Default groups" of the settings page: the groups every new customer
 * account joins, and a drawer to choose them from the store's groups.
 */
export const DefaultGroupsSection = () => {
  const { t } = useTranslation()
  const [isEditing, setIsEditing] = useState(false)
  const settings = useCustomerAccountsSettings()
  const choices = useCustomerGroupChoices()

  const failed = settings.isError ? settings : choices.isError ? choices : null
  const ready = settings.settings && choices.customerGroups

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <SectionHeader
        title={t("customerAccounts.settings.defaultGroups.title")}
        description={t("customerAccounts.settings.defaultGroups.description")}
        actions={
          <Permitted capability="settings.manage">
            <Button
              size="small"
              variant="secondary"
              onClick={() => setIsEditing(true)}
              disabled={!ready}
            >
              {t("customerAccounts.settings.defaultGroups.edit")}
            </Button>
          </Permitted>
        }
        padded={false}
      />
      {failed ? (
        <div className="-mx-6 -mb-4">
          <SectionLoadError
            title={t("customerAccounts.settings.defaultGroups.loadError")}
            message={failed.error?.message ?? ""}
            retryLabel={t("customerAccounts.settings.retry")}
            onRetry={() => failed.refetch()}
          />
        </div>
      ) : settings.settings && choices.customerGroups ? (
        <ChosenGroups
          ids={settings.settings.default_group_ids}
          names={new Map(
            choices.customerGroups.map((group) => [group.id, group.name])
          )}
        />
      ) : (
        <Skeleton className="h-5 w-1/3" />
      )}
      {settings.settings && choices.customerGroups && (
        <EditDefaultGroupsDrawer
          defaultGroupIds={settings.settings.default_group_ids}
          customerGroups={choices.customerGroups}
          count={choices.count ?? choices.customerGroups.length}
          open={isEditing}
          onOpenChange={setIsEditing}
        />
      )}
    </div>
  )
}

type ChosenGroupsProps = {
  ids: string[]
  /** Names of the groups listed for choosing; a group past that list shows its id. */
  names: Map<string, string | null>
}

const ChosenGroups = ({ ids, names }: ChosenGroupsProps) => {
  const { t } = useTranslation()

  if (!ids.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {t("customerAccounts.settings.defaultGroups.noneSelected")}
      </Text>
    )
  }

  return (
    <ul
      className="flex flex-wrap gap-x-4 gap-y-1"
      aria-label={t("customerAccounts.settings.defaultGroups.title")}
    >
      {ids.map((id) => (
        <li key={id}>
          <CustomerGroupLink id={id} name={names.get(id) || id} />
        </li>
      ))}
    </ul>
  )
}
