import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A label/value row of a widget section, like the rows of Medusa's own detail pages. */
export const SectionRow = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center gap-x-4 px-6 py-4">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    <div className="min-w-0">{children}</div>
  </div>
)
