import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { projectClock } from "../clock"
import { ACCOUNT_ACTIVITY_MODULE } from "../../modules/account-activity/index"
import type AccountActivityModuleService from "../../modules/account-activity/service"
import { ACCOUNT_SECURITY_MODULE } from "../../modules/account-security/index"
import type AccountSecurityModuleService from "../../modules/account-security/service"
import { CUSTOMER_ACCOUNTS_MODULE } from "../../modules/customer-accounts/index"
import type CustomerAccountsModuleService from "../../modules/customer-accounts/service"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note/index"
import type CustomerNoteModuleService from "../../modules/customer-note/service"
import { ACTIVITY_KINDS, type ActivityKind } from "../../types/account-activity"
import type { CustomerDataExport } from "../../types/customer-privacy"
import { readCustomerPreferences } from "../customer-preferences/read-preferences"
import { identitiesOfActor } from "../identity/auth-identity"

/** The shape's version: bumped whenever a field changes meaning or goes. */
export const EXPORT_VERSION = 1

/** Most entries per history in one export (the retention options bound them well below). */
export const EXPORT_HISTORY_LIMIT = 10_000

const ACTIVITY_PAGE = 100

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null)

/** Every activity kind but the notes' (`privacy.exportIncludesNotes` off). */
const WITHOUT_NOTES: ActivityKind[] = ACTIVITY_KINDS.filter((kind) => kind !== "notes")

/**
 * Everything the shop holds about one customer (GDPR art. 15), as one JSON
 * document: Medusa's customer, addresses, groups and order summaries, the
 * logins and their verification and MFA state, and all the plugin's data
 * (preferences, notes, login attempts, activity). Histories are complete up
 * to {@link EXPORT_HISTORY_LIMIT} entries each (`truncated` says when more
 * exist). Secrets (password hashes, MFA secrets, tokens) are never in it.
 */
export async function buildCustomerExport(container: MedusaContainer, customerId: string): Promise<CustomerDataExport> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: [
      "id",
      "email",
      "first_name",
      "last_name",
      "phone",
      "company_name",
      "has_account",
      "metadata",
      "created_at",
      "updated_at",
      "addresses.*",
      "groups.id",
      "groups.name",
    ],
    filters: { id: customerId },
  })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`)
  }
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "status", "email", "currency_code", "created_at"],
    filters: { customer_id: customerId },
  })

  const identities = await identitiesOfActor(container, { customer_id: customerId }, { withLogins: true })
  const auth = container.resolve(Modules.AUTH)
  const identityIds = identities.map((identity) => identity.id)
  const logins = identities.flatMap((identity) =>
    (identity.provider_identities ?? []).map((login) => ({
      provider: login.provider,
      entity_id: login.entity_id,
    }))
  )
  const [verifications, factors] = identityIds.length
    ? await Promise.all([
        auth.listAuthVerifications({ auth_identity_id: identityIds as unknown as string }),
        auth.listAuthMfa({ auth_identity_id: identityIds as unknown as string }),
      ])
    : [[], []]

  const notes: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
  const security: AccountSecurityModuleService = container.resolve(ACCOUNT_SECURITY_MODULE)
  const activityLog: AccountActivityModuleService = container.resolve(ACCOUNT_ACTIVITY_MODULE)
  const accounts: CustomerAccountsModuleService = container.resolve(CUSTOMER_ACCOUNTS_MODULE)
  const { exportIncludesNotes } = accounts.getPrivacyOptions().privacy
  const [preferences, noteRows, attempts] = await Promise.all([
    readCustomerPreferences(container, customerId),
    exportIncludesNotes
      ? notes.listCustomerNotes({ customer_id: customerId }, { order: { created_at: "ASC" }, take: EXPORT_HISTORY_LIMIT + 1 })
      : [],
    // By customer and identity ids: a look-alike shares the e-mail, not the ids.
    security.personalData.loginAttemptsOf(customerId, identityIds, EXPORT_HISTORY_LIMIT + 1),
  ])

  const activities: Record<string, unknown>[] = []
  let activityCount = 0
  for (let offset = 0; offset < EXPORT_HISTORY_LIMIT; offset += ACTIVITY_PAGE) {
    const [page, count] = await activityLog.listAndCountActivities(
      { customer_id: customerId, ...(exportIncludesNotes ? {} : { kinds: WITHOUT_NOTES }) },
      { limit: ACTIVITY_PAGE, offset }
    )
    activityCount = count
    activities.push(
      ...page.map((entry) => ({
        type: entry.type,
        kind: entry.kind,
        actor_type: entry.actor_type,
        ip: entry.ip,
        user_agent: entry.user_agent,
        data: entry.data,
        occurred_at: iso(entry.occurred_at),
      }))
    )
    if (page.length < ACTIVITY_PAGE) {
      break
    }
  }

  return {
    export_version: EXPORT_VERSION,
    exported_at: projectClock.now().toISOString(),
    customer: {
      id: customer.id,
      email: customer.email ?? null,
      first_name: customer.first_name ?? null,
      last_name: customer.last_name ?? null,
      phone: customer.phone ?? null,
      company_name: customer.company_name ?? null,
      has_account: customer.has_account,
      metadata: (customer.metadata as Record<string, unknown> | null) ?? null,
      created_at: iso(customer.created_at),
      updated_at: iso(customer.updated_at),
    },
    addresses: ((customer.addresses ?? []) as Record<string, unknown>[]).map((address) => ({
      id: address.id,
      address_name: address.address_name ?? null,
      first_name: address.first_name ?? null,
      last_name: address.last_name ?? null,
      company: address.company ?? null,
      address_1: address.address_1 ?? null,
      address_2: address.address_2 ?? null,
      city: address.city ?? null,
      province: address.province ?? null,
      postal_code: address.postal_code ?? null,
      country_code: address.country_code ?? null,
      phone: address.phone ?? null,
      is_default_shipping: !!address.is_default_shipping,
      is_default_billing: !!address.is_default_billing,
    })),
    groups: ((customer.groups ?? []) as { id: string; name: string | null }[]).map((group) => ({ id: group.id, name: group.name })),
    orders: (orders as Record<string, unknown>[]).map((order) => ({
      id: order.id as string,
      display_id: (order.display_id as number | null) ?? null,
      status: (order.status as string) ?? null,
      email: (order.email as string | null) ?? null,
      currency_code: (order.currency_code as string) ?? null,
      created_at: iso(order.created_at),
    })),
    account: {
      logins,
      email_verifications: verifications.map((row) => ({
        email: row.entity_id,
        requested_at: iso(row.requested_at),
        verified_at: iso(row.verified_at),
      })),
      mfa_factors: factors.map((factor) => ({
        provider: factor.provider,
        status: factor.status,
        created_at: iso((factor as { created_at?: unknown }).created_at),
      })),
    },
    preferences,
    notes: noteRows.slice(0, EXPORT_HISTORY_LIMIT).map((note) => ({
      id: note.id,
      body: note.body,
      pinned: note.pinned,
      // Who on the staff wrote it is not the customer's data (and an id
      // would name a person to them): only that staff did.
      author: "staff" as const,
      created_at: iso(note.created_at),
      updated_at: iso(note.updated_at),
    })),
    login_attempts: attempts.slice(0, EXPORT_HISTORY_LIMIT).map((attempt) => ({
      identifier: attempt.identifier,
      actor_type: attempt.actor_type,
      outcome: attempt.outcome,
      ip: attempt.ip,
      user_agent: attempt.user_agent,
      attempted_at: iso(attempt.attempted_at),
      count: Number(attempt.count ?? 1),
      last_attempted_at: iso(attempt.last_attempted_at),
    })),
    activity: activities,
    truncated: {
      notes: noteRows.length > EXPORT_HISTORY_LIMIT,
      login_attempts: attempts.length > EXPORT_HISTORY_LIMIT,
      activity: activityCount > activities.length,
    },
  }
}
