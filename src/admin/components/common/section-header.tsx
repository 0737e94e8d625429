import { Heading, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionHeaderProps = {
  title: string
  /** A line under the title: what the section holds. */
  description?: ReactNode
  /** On the right of the title, e.g. an Edit button. */
  actions?: ReactNode
  /** Beside the title, e.g. a status badge. */
  badge?: ReactNode
  /** h2 for a card, h1 for a page's title, h3 for a part of a card. */
  level?: "h1" | "h2" | "h3"
  /** False when the header sits in a block that is padded already. */
  padded?: boolean
}

/**
 * The title row of a card or of a part of one, like those of Medusa's own
 * detail pages: heading and description on the left, actions on the right.
 */
export const SectionHeader = ({
  title,
  description,
  actions,
  badge,
  level = "h2",
  padded = true,
}: SectionHeaderProps) => {
  const heading = <Heading level={level}>{title}</Heading>
  const titleAndDescription = (
    <>
      {badge ? (
        <div className="flex items-center gap-x-2">
          {heading}
          {badge}
        </div>
      ) : (
        heading
      )}
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </>
  )
  const padding = padded && "px-6 py-4"

  if (!actions) {
    return (
      <div className={clx("flex flex-col gap-y-1", padding)}>
        {titleAndDescription}
      </div>
    )
  }

  return (
    <div className={clx("flex items-start justify-between gap-x-4", padding)}>
      <div className="flex flex-col gap-y-1">{titleAndDescription}</div>
      {actions}
    </div>
  )
}
