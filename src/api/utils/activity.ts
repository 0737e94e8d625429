import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "zod"
import { ACCOUNT_ACTIVITY_MODULE } from "../../modules/account-activity"
import type AccountActivityModuleService from "../../modules/account-activity/service"
import { MAX_ACTIVITY_PAGE } from "../../modules/account-activity/service"
import type { AccountActivityFilters, AccountActivityRecord } from "../../modules/account-activity/types"
import {
  ACTIVITY_KINDS,
  type AdminAccountActivity,
  type StoreAccountActivity,
} from "../../types/account-activity"
import { wholeNumber } from "./request-guards"

/** How far a timeline can be paged (a deeper page is a scan nobody reads). */
export const MAX_ACTIVITY_OFFSET = 100_000

/** `limit` and `offset` of a timeline page. */
export const activityPageShape = {
  limit: wholeNumber("limit", 1, MAX_ACTIVITY_PAGE).default(20),
  offset: wholeNumber("offset", 0, MAX_ACTIVITY_OFFSET).default(0),
}

/** `kind=security,notes` or `kind=security&kind=notes`: each one of the kinds. */
export const activityKinds = z
  .union([z.string(), z.array(z.string()).max(ACTIVITY_KINDS.length)])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((part) => part.split(","))
      .map((part) => part.trim())
      .filter(Boolean)
  )
  .pipe(
    z
      .array(z.enum(ACTIVITY_KINDS, { message: `kind must be one of ${ACTIVITY_KINDS.join(", ")}` }))
      .min(1, `kind must name one of ${ACTIVITY_KINDS.join(", ")}`)
  )

/** One page of a customer's timeline from the activity module. */
export function listActivityPage(
  scope: MedusaContainer,
  filters: AccountActivityFilters,
  page: { limit: number; offset: number }
): Promise<[AccountActivityRecord[], number]> {
  return scope.resolve<AccountActivityModuleService>(ACCOUNT_ACTIVITY_MODULE).listAndCountActivities(filters, page)
}

/** Names of the Back Office users a page mentions ("First Last", else the e-mail), in one query. */
async function userNames(scope: MedusaContainer, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) {
    return new Map()
  }
  const { data: users } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "user",
    fields: ["id", "email", "first_name", "last_name"],
    filters: { id: [...new Set(ids)] },
  })
  return new Map(
    users.map((user) => [user.id, [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email])
  )
}

/** A page as Back Office users read it: every actor named. */
export async function toAdminActivities(
  scope: MedusaContainer,
  records: AccountActivityRecord[]
): Promise<AdminAccountActivity[]> {
  const names = await userNames(
    scope,
    records.filter((record) => record.actor_type === "user" && record.actor_id).map((record) => record.actor_id!)
  )
  return records.map((record) => ({
    id: record.id,
    customer_id: record.customer_id,
    kind: record.kind,
    type: record.type,
    actor: {
      type: record.actor_type,
      id: record.actor_id,
      name: record.actor_type === "user" && record.actor_id ? (names.get(record.actor_id) ?? null) : null,
    },
    ip: record.ip,
    user_agent: record.user_agent,
    data: record.data,
    occurred_at: new Date(record.occurred_at).toISOString(),
  }))
}

/** A page as the customer reads it: what happened and from where, never which staff member. */
export const toStoreActivities = (records: AccountActivityRecord[]): StoreAccountActivity[] =>
  records.map((record) => ({
    id: record.id,
    type: record.type,
    actor_type: record.actor_type === "rule" ? "system" : record.actor_type,
    ip: record.ip,
    user_agent: record.user_agent,
    occurred_at: new Date(record.occurred_at).toISOString(),
  }))
