import {
  EllipsisHorizontal,
  PencilSquare,
  PinTack,
  Trash,
} from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

import { useMyPermissions } from "../../hooks/staff-permissions"
import { Permitted } from "../common/permitted"

type NoteActionsMenuProps = {
  pinned: boolean
  /** Omit to hide "Edit" (only the author may change the text). */
  onEdit?: () => void
  onTogglePin: () => void
  /** Omit to hide "Delete" (system notes are kept as they are). */
  onDelete?: () => void
  disabled?: boolean
}

export const NoteActionsMenu = ({
  pinned,
  onEdit,
  onTogglePin,
  onDelete,
  disabled,
}: NoteActionsMenuProps) => {
  const { t } = useTranslation()
  const { can } = useMyPermissions()

  if (!can("notes.write")) {
    // Editing, pinning and deleting notes need the permission: the menu's
    // button says so instead of opening.
    return (
      <Permitted capability="notes.write">
        <IconButton size="small" variant="transparent" aria-label={t("customerAccounts.notes.actions.menu")}>
          <EllipsisHorizontal />
        </IconButton>
      </Permitted>
    )
  }

  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton
          size="small"
          variant="transparent"
          disabled={disabled}
          aria-label={t("customerAccounts.notes.actions.menu")}
        >
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Group>
          {onEdit && (
            <DropdownMenu.Item
              onClick={onEdit}
              className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
            >
              <PencilSquare />
              <span>{t("customerAccounts.notes.actions.edit")}</span>
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Item
            onClick={onTogglePin}
            className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
          >
            <PinTack />
            <span>
              {pinned
                ? t("customerAccounts.notes.actions.unpin")
                : t("customerAccounts.notes.actions.pin")}
            </span>
          </DropdownMenu.Item>
        </DropdownMenu.Group>
        {onDelete && (
          <>
            <DropdownMenu.Separator />
            <DropdownMenu.Group>
              <DropdownMenu.Item
                onClick={onDelete}
                className="[&_svg]:text-ui-fg-subtle flex items-center gap-x-2"
              >
                <Trash />
                <span>{t("customerAccounts.notes.actions.delete")}</span>
              </DropdownMenu.Item>
            </DropdownMenu.Group>
          </>
        )}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
