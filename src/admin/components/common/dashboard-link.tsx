import { Text, clx } from "@medusajs/ui"
import { Link } from "react-router-dom"

type DashboardLinkProps = {
  /** The dashboard path, e.g. `/customers/cus_1`. */
  to: string
  name: string
  /** Cut a long name short, where it shares its row with something else. */
  truncate?: boolean
}

/** A name linking to its page in the dashboard, in the dashboard's link style. */
const DashboardLink = ({ to, name, truncate }: DashboardLinkProps) => (
  <Text asChild size="small" leading="compact" weight="plus">
    <Link
      to={to}
      className={clx("text-ui-fg-interactive hover:text-ui-fg-interactive-hover", {
        truncate,
      })}
    >
      {name}
    </Link>
  </Text>
)

type EntityLinkProps = { id: string; name: string; truncate?: boolean }

/** A customer's name, linking to the customer's page in the dashboard. */
export const CustomerLink = ({ id, ...props }: EntityLinkProps) => (
  <DashboardLink to={`/customers/${encodeURIComponent(id)}`} {...props} />
)

/** A customer group's name, linking to the group's page in the dashboard. */
export const CustomerGroupLink = ({ id, ...props }: EntityLinkProps) => (
  <DashboardLink to={`/customer-groups/${encodeURIComponent(id)}`} {...props} />
)
