import { Text } from "@medusajs/ui"

/** A line of subtle text across a widget section (nothing to list, how many more). */
export const SectionNote = ({ children }: { children: string }) => (
  <div className="px-6 py-4">
    <Text size="small" className="text-ui-fg-subtle">
      {children}
    </Text>
  </div>
)
