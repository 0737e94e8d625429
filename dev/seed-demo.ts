/**
 * `npm run dev` runs this once the migrations are done (`medusa exec`): a
 * publishable API key for the README's curl flow and a registered demo
 * customer with a pinned note, so the customer page shows the plugin's cards
 * with something in them. Idempotent: what exists already is kept. Prints
 * one JSON line, `{ "pk": ..., "customer_id": ..., "email": ... }`, that
 * scripts/dev.mjs reads.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { canonicalEmail } from "../src/lib/identity"
import { ACCOUNT_SECURITY_MODULE } from "../src/modules/account-security"
import type AccountSecurityModuleService from "../src/modules/account-security/service"
import { createCustomerNotesWorkflow } from "../src/workflows/customer-note"

export const DEMO_CUSTOMER = {
  email: "demo.customer@example.com",
  password: "a long and unusual passphrase 42",
  first_name: "Dana",
  last_name: "Demo",
}
const KEY_TITLE = "Dev storefront (npm run dev)"

export default async function seedDemo({ container }: ExecArgs): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const {
    data: [existingKey],
  } = await query.graph({ entity: "api_key", fields: ["token"], filters: { title: KEY_TITLE, type: "publishable" } })
  let pk: string = existingKey?.token
  if (!pk) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: KEY_TITLE, type: "publishable", created_by: "npm run dev" }] },
    })
    pk = result[0].token
  }

  const {
    data: [existing],
  } = await query.graph({ entity: "customer", fields: ["id"], filters: { email: DEMO_CUSTOMER.email, has_account: true } })
  let customerId: string = existing?.id
  if (!customerId) {
    // The auth module directly (a seed, not a storefront: no request for the
    // guard to see), so the address is claimed here as a registration would.
    const security = container.resolve<AccountSecurityModuleService>(ACCOUNT_SECURITY_MODULE)
    const canonical = canonicalEmail(DEMO_CUSTOMER.email)
    if (!(await security.identities.claim(canonical, DEMO_CUSTOMER.email))) {
      throw new Error(`${DEMO_CUSTOMER.email} is another identity's address already`)
    }
    const { authIdentity, error } = await container.resolve(Modules.AUTH).register("emailpass", {
      body: { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password },
    })
    if (!authIdentity) {
      throw new Error(`could not register the demo customer: ${error}`)
    }
    await security.identities.confirm(canonical, DEMO_CUSTOMER.email, authIdentity.id)
    const { result: customer } = await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId: authIdentity.id,
        customerData: { email: DEMO_CUSTOMER.email, first_name: DEMO_CUSTOMER.first_name, last_name: DEMO_CUSTOMER.last_name },
      },
    })
    customerId = customer.id
    const {
      data: [admin],
    } = await query.graph({ entity: "user", fields: ["id"], pagination: { take: 1 } })
    if (admin) {
      await createCustomerNotesWorkflow(container).run({
        input: {
          notes: [
            {
              customer_id: customerId,
              author_id: admin.id,
              body: "Demo account of the dev app. Prefers e-mail over phone; ask before changing the shipping address.",
              pinned: true,
            },
          ],
        },
      })
    }
  }
  // Subscribers (the note's timeline entry) run after the workflow: let them finish.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  process.stdout.write(`${JSON.stringify({ pk, customer_id: customerId, email: DEMO_CUSTOMER.email })}\n`)
}
