import { Tooltip } from "@medusajs/ui"

import { shortenUserAgent } from "../../lib/user-agent"

/**
 * A user agent the one way the admin shows it (timeline, sign-ins): browser
 * and system in a few words, the full string in a tooltip.
 */
export const UserAgent = ({ value }: { value: string }) => {
  const short = shortenUserAgent(value)

  if (short === value) {
    return <>{value}</>
  }

  return (
    <Tooltip content={value} maxWidth={400} className="break-all">
      <span tabIndex={0} className="block truncate">
        {short}
      </span>
    </Tooltip>
  )
}
