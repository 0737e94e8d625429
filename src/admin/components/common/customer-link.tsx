import { Text, clx } from "@medusajs/ui"
import { Link } from "react-router-dom"

type CustomerLinkProps = {
  id: string
  name: string
  /** Cut a long name short, where it shares its row with something else. */
  truncate?: boolean
}

/** A customer's name, linking to the customer's page in the dashboard. */
export const CustomerLink = ({ id, name, truncate }: CustomerLinkProps) => (
  <Text asChild size="small" leading="compact" weight="plus">
    <Link
      to={`/customers/${encodeURIComponent(id)}`}
      className={clx("text-ui-fg-interactive hover:text-ui-fg-interactive-hover", {
        truncate,
      })}
    >
      {name}
    </Link>
  </Text>
)
