import { Text, clx } from "@medusajs/ui"
import { Link } from "react-router-dom"

type CustomerGroupLinkProps = {
  id: string
  name: string
  /** Cut a long name short, where it shares its row with something else. */
  truncate?: boolean
}

/** A customer group's name, linking to the group's page in the dashboard. */
export const CustomerGroupLink = ({ id, name, truncate }: CustomerGroupLinkProps) => (
  <Text asChild size="small" leading="compact" weight="plus">
    <Link
      to={`/customer-groups/${encodeURIComponent(id)}`}
      className={clx("text-ui-fg-interactive hover:text-ui-fg-interactive-hover", {
        truncate,
      })}
    >
      {name}
    </Link>
  </Text>
)
