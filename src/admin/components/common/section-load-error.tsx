import { Button, Text } from "@medusajs/ui"

type SectionLoadErrorProps = {
  title: string
  message: string
  retryLabel: string
  onRetry: () => void
}

/** What a widget section shows when its data could not be loaded. */
export const SectionLoadError = ({ title, message, retryLabel, onRetry }: SectionLoadErrorProps) => (
  <div className="flex items-center justify-between gap-x-4 px-6 py-4">
    <div className="flex flex-col gap-y-1">
      <Text size="small" leading="compact" weight="plus">
        {title}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {message}
      </Text>
    </div>
    <Button size="small" variant="secondary" onClick={onRetry}>
      {retryLabel}
    </Button>
  </div>
)
