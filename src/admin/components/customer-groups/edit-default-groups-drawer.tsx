import { Checkbox, Hint, Label, Text, toast } from "@medusajs/ui"
import { useId, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"

import { useUpdateCustomerAccountsSettings } from "../../hooks/customer-groups"
import { FormDrawer } from "../common/form-drawer"

type GroupChoice = { id: string; name: string | null }

type EditDefaultGroupsDrawerProps = {
  defaultGroupIds: string[]
  /** The store's groups offered, by name (maybe only the first ones). */
  customerGroups: GroupChoice[]
  /** How many groups the store has in all. */
  count: number
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Drawer to choose the groups every new customer account joins. */
export const EditDefaultGroupsDrawer = ({
  open,
  onOpenChange,
  ...formProps
}: EditDefaultGroupsDrawerProps) => {
  const { t } = useTranslation()

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={t("customerAccounts.settings.defaultGroups.drawerTitle")}
      description={t("customerAccounts.settings.defaultGroups.description")}
    >
      <DefaultGroupsForm {...formProps} />
    </FormDrawer>
  )
}

type DefaultGroupsFormProps = Omit<
  EditDefaultGroupsDrawerProps,
  "open" | "onOpenChange"
>

/** Whether two id lists hold the same ids, in any order. */
const sameIds = (a: string[], b: string[]) =>
  a.length === b.length && a.every((id) => b.includes(id))

const DefaultGroupsForm = ({
  defaultGroupIds,
  customerGroups,
  count,
}: DefaultGroupsFormProps) => {
  const { t } = useTranslation()
  const listLabelId = useId()
  // Every saved id stays, also one of a group past the listed ones.
  const [selected, setSelected] = useState<string[]>(defaultGroupIds)
  const [formError, setFormError] = useState<string | null>(null)
  const { mutateAsync, isPending } = useUpdateCustomerAccountsSettings()

  const toggle = (id: string, checked: boolean) =>
    setSelected((current) =>
      checked
        ? [...current.filter((known) => known !== id), id]
        : current.filter((known) => known !== id)
    )

  const save = () => {
    setFormError(null)
    return mutateAsync(
      { default_group_ids: selected },
      {
        onError: (error) => {
          if (error.status === 400) {
            // E.g. a group deleted meanwhile: the API's verdict stays in the drawer.
            setFormError(error.message)
          } else {
            toast.error(error.message)
          }
        },
      }
    )
  }

  return (
    <FormDrawer.Form
      onSubmit={save}
      successMessage={t("customerAccounts.settings.defaultGroups.saved")}
      isPending={isPending}
      isDirty={!sameIds(selected, defaultGroupIds)}
      error={formError}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {t("customerAccounts.settings.defaultGroups.description")}
      </Text>
      {customerGroups.length === 0 ? (
        <div className="flex flex-col items-start gap-y-2">
          <Text size="small">
            {t("customerAccounts.settings.defaultGroups.empty")}
          </Text>
          <Text asChild size="small" weight="plus">
            <Link
              to="/customer-groups/create"
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            >
              {t("customerAccounts.settings.defaultGroups.createGroup")}
            </Link>
          </Text>
        </div>
      ) : (
        <div className="flex flex-col gap-y-2">
          <Label id={listLabelId} size="small" weight="plus">
            {t("customerAccounts.settings.defaultGroups.groups")}
          </Label>
          <ul aria-labelledby={listLabelId} className="flex flex-col gap-y-2">
            {customerGroups.map((group) => (
              <GroupOption
                key={group.id}
                group={group}
                checked={selected.includes(group.id)}
                onChange={(checked) => toggle(group.id, checked)}
                disabled={isPending}
              />
            ))}
          </ul>
          {count > customerGroups.length && (
            <Hint>
              {t("customerAccounts.settings.defaultGroups.truncated", {
                shown: customerGroups.length,
                count,
              })}
            </Hint>
          )}
        </div>
      )}
      <Text size="small" className="text-ui-fg-subtle" aria-live="polite">
        {selected.length
          ? t("customerAccounts.settings.defaultGroups.selected", {
              count: selected.length,
            })
          : t("customerAccounts.settings.defaultGroups.noneSelected")}
      </Text>
    </FormDrawer.Form>
  )
}

type GroupOptionProps = {
  group: GroupChoice
  checked: boolean
  onChange: (checked: boolean) => void
  disabled: boolean
}

const GroupOption = ({ group, checked, onChange, disabled }: GroupOptionProps) => {
  const id = useId()

  return (
    <li className="flex items-center gap-x-2">
      <Checkbox
        id={id}
        checked={checked}
        onCheckedChange={(state) => onChange(state === true)}
        disabled={disabled}
      />
      <Label htmlFor={id} size="small">
        {group.name || group.id}
      </Label>
    </li>
  )
}
