import { Tooltip } from "@medusajs/ui"
import { cloneElement, type ReactElement } from "react"
import { useTranslation } from "react-i18next"

import type { Capability } from "../../../types/staff-permissions"
import { useMyPermissions } from "../../hooks/staff-permissions"
import { capabilityLabelKey } from "../../lib/staff-permissions"

/**
 * An action button the current user may lack the permission for (staff
 * permissions): shown as is when they hold `capability`, else disabled
 * with a tooltip that names the permission. The server refuses anyway.
 */
export const Permitted = ({ capability, children }: { capability: Capability; children: ReactElement }) => {
  const { t } = useTranslation()
  const { can } = useMyPermissions()
  if (can(capability)) {
    return children
  }
  return (
    <Tooltip content={t("customerAccounts.permissions.missing", { capability: t(capabilityLabelKey(capability)) })}>
      {/* A disabled button fires no pointer events: the span carries the tooltip. */}
      <span tabIndex={0} data-missing-permission={capability}>
        {cloneElement(children, { disabled: true, onClick: undefined })}
      </span>
    </Tooltip>
  )
}
