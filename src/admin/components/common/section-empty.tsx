import { Text, clx } from "@medusajs/ui"

type SectionEmptyProps = {
  title: string
  description: string
  className?: string
}

/** What a widget section shows when it has nothing to list. */
export const SectionEmpty = ({ title, description, className }: SectionEmptyProps) => (
  <div className={clx("flex flex-col items-center gap-y-1 px-6 py-8 text-center", className)}>
    <Text size="small" leading="compact" weight="plus">
      {title}
    </Text>
    <Text size="small" className="text-ui-fg-subtle">
      {description}
    </Text>
  </div>
)
