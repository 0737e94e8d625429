import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AuthEvents, AuthWorkflowEvents, Modules } from "@medusajs/framework/utils"
import { projectClock } from "../clock"
import { AccountSessionEvents, AssistanceEvents, CustomerAccountEvents } from "../events"
import type { NewAccountActivity } from "../../modules/account-activity/types"
import type { ActivityType } from "../../types/account-activity"
import { CustomerGroupRuleEvents } from "../events"
import type { MembershipsChangedData } from "../customer-groups/evaluate"
import { CustomerNoteEvents } from "../events"
import { isAdminResetRequest } from "../password-reset/reset-request"
import { accountsOf, customerIdOfIdentity } from "../identity/auth-identity"
import { CustomerPasswordEvents } from "../events"
import { CustomerPreferenceEvents } from "../events"

/** Every event the activity timeline records. */
export const ACTIVITY_EVENTS = [
  AccountSessionEvents.STARTED,
  AccountSessionEvents.REVOKED,
  CustomerAccountEvents.LOGIN_SUCCEEDED,
  CustomerAccountEvents.LOGIN_FAILED,
  CustomerAccountEvents.LOGIN_REFUSED,
  CustomerAccountEvents.LOCKED,
  CustomerAccountEvents.UNLOCKED,
  CustomerAccountEvents.IP_UNBLOCKED,
  CustomerAccountEvents.EMAIL_VERIFICATION_SENT,
  CustomerAccountEvents.EMAIL_VERIFIED,
  CustomerAccountEvents.MFA_RESET,
  CustomerAccountEvents.EMAIL_CHANGE_REQUESTED,
  CustomerAccountEvents.EMAIL_CHANGED,
  CustomerAccountEvents.EXPORTED,
  CustomerAccountEvents.ANONYMIZATION_REQUESTED,
  CustomerAccountEvents.ANONYMIZED,
  AuthEvents.MFA_ENABLED,
  AuthEvents.MFA_DISABLED,
  CustomerPasswordEvents.PASSWORD_CHANGED,
  CustomerPasswordEvents.PASSWORD_SET_BY_ADMIN,
  CustomerPasswordEvents.PASSWORD_RESET_SENT,
  CustomerPasswordEvents.PASSWORD_RECORDED,
  AuthWorkflowEvents.PASSWORD_RESET,
  CustomerPreferenceEvents.UPDATED,
  CustomerGroupRuleEvents.MEMBERSHIPS_CHANGED,
  CustomerNoteEvents.CREATED,
  CustomerNoteEvents.UPDATED,
  CustomerNoteEvents.DELETED,
  AssistanceEvents.STARTED,
  AssistanceEvents.ENDED,
  AssistanceEvents.CONSENT_CHANGED,
  "order.placed",
] as const

type EventData = Record<string, unknown>

const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null)

/** Names the event an entry records; null (no deduplication) when the event carries no id. */
const sourceKey = (prefix: string, id: unknown): string | null => (text(id) ? `${prefix}:${id}` : null)

/** Refusals come by the thousand in an attack: one entry per account, IP and minute. */
const REFUSAL_BUCKET_MS = 60_000

const loginType: Partial<Record<string, ActivityType>> = {
  [CustomerAccountEvents.LOGIN_SUCCEEDED]: "login.succeeded",
  [CustomerAccountEvents.LOGIN_FAILED]: "login.failed",
}

const noteType: Partial<Record<string, ActivityType>> = {
  [CustomerNoteEvents.CREATED]: "note.created",
  [CustomerNoteEvents.UPDATED]: "note.updated",
  [CustomerNoteEvents.DELETED]: "note.deleted",
}

/** The customer account behind a login identifier (null for unknown e-mails and Back Office users only). */
async function customerOf(container: MedusaContainer, identifier: unknown): Promise<string | null> {
  const email = text(identifier)
  return email ? (await accountsOf(container, email)).customer_id : null
}

async function groupNames(container: MedusaContainer, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) {
    return new Map()
  }
  const groups = await container
    .resolve(Modules.CUSTOMER)
    .listCustomerGroups({ id: [...new Set(ids)] }, { select: ["id", "name"], withDeleted: true })
  return new Map(groups.map((group) => [group.id, group.name ?? group.id]))
}

/**
 * The timeline entries one event makes (none when it concerns no customer
 * account). Each entry's `source_key` names the event, so recording it
 * again writes nothing.
 */
export async function activityEntriesFor(
  container: MedusaContainer,
  name: string,
  data: EventData
): Promise<NewAccountActivity[]> {
  const customerId = text(data.customer_id)
  const ip = text(data.ip)
  const userAgent = text(data.user_agent)
  /** One entry on the event's customer; none when the event names no customer account. */
  const onCustomer = (entry: Omit<NewAccountActivity, "customer_id">): NewAccountActivity[] =>
    customerId ? [{ customer_id: customerId, ...entry }] : []

  const login = loginType[name]
  if (login) {
    return onCustomer({
      type: login,
      actor_type: "customer",
      actor_id: customerId,
      ip,
      user_agent: userAgent,
      // `factor: "mfa"`: decided by an MFA code (the password was right before).
      data: { actor_type: data.actor_type, ...(data.factor === "mfa" ? { factor: "mfa" } : {}) },
      customer_visible: true,
      source_key: sourceKey(login, data.attempt_id),
    })
  }

  const note = noteType[name]
  if (note) {
    return onCustomer({
      type: note,
      actor_type: "user",
      actor_id: text(data.actor_id),
      data: {
        note_id: data.id,
        ...(data.pinned !== undefined ? { pinned: data.pinned } : {}),
        ...(Array.isArray(data.changed) ? { changed: data.changed } : {}),
      },
      source_key: sourceKey(note, data.event_id),
    })
  }

  switch (name) {
    case CustomerAccountEvents.LOGIN_REFUSED: {
      const refused = await customerOf(container, data.identifier)
      if (!refused) {
        return []
      }
      const at = Date.parse(String(data.attempted_at))
      const bucket = Math.floor((Number.isNaN(at) ? projectClock.now().getTime() : at) / REFUSAL_BUCKET_MS)
      // "locked" (account or IP), or "email_not_verified" (a right password, an unverified address).
      const reason = text(data.reason) ?? "locked"
      return [
        {
          customer_id: refused,
          type: "login.refused",
          actor_type: "customer",
          actor_id: refused,
          ip,
          user_agent: userAgent,
          data: { actor_type: data.actor_type, reason },
          customer_visible: true,
          source_key: `login.refused:${reason === "locked" ? "" : `${reason}:`}${refused}:${ip ?? "-"}:${bucket}`,
        },
      ]
    }
    case CustomerAccountEvents.LOCKED:
      return onCustomer({
        type: "account.locked",
        actor_type: "system",
        data: { locked_until: data.locked_until ?? null, lock_count: data.lock_count ?? null },
        customer_visible: true,
        source_key: sourceKey("account.locked", data.attempt_id),
      })
    case CustomerAccountEvents.UNLOCKED:
      return onCustomer({
        type: "account.unlocked",
        ...(data.reason === "admin"
          ? { actor_type: "user" as const, actor_id: text(data.actor_id) }
          : { actor_type: "customer" as const, actor_id: customerId }),
        data: { reason: data.reason, was_locked: data.was_locked ?? null },
        customer_visible: true,
        source_key: sourceKey("account.unlocked", data.event_id),
      })
    case CustomerAccountEvents.IP_UNBLOCKED:
      return onCustomer({
        type: "ip.unblocked",
        actor_type: "user",
        actor_id: text(data.actor_id),
        data: { ip: data.ip, was_blocked: data.was_blocked ?? null },
        source_key: sourceKey("ip.unblocked", data.event_id),
      })
    case CustomerAccountEvents.EMAIL_VERIFICATION_SENT:
      return onCustomer({
        type: "email.verification_sent",
        actor_type: "system",
        data: { email: data.email },
        customer_visible: true,
        source_key: sourceKey("email.verification_sent", data.code_digest),
      })
    case CustomerAccountEvents.EMAIL_VERIFIED: {
      const verified = await customerOf(container, data.entity_id)
      return verified
        ? [
            {
              customer_id: verified,
              type: "email.verified",
              // Confirmed with the link by the customer, or marked by an admin.
              ...(text(data.actor_id)
                ? { actor_type: "user" as const, actor_id: text(data.actor_id) }
                : { actor_type: "customer" as const, actor_id: verified }),
              data: { email: data.entity_id },
              customer_visible: true,
              source_key: sourceKey("email.verified", data.event_id),
            },
          ]
        : []
    }
    case CustomerAccountEvents.EMAIL_CHANGE_REQUESTED:
      return onCustomer({
        type: "email.change_requested",
        actor_type: "customer",
        actor_id: customerId,
        data: { to: data.to },
        customer_visible: true,
        source_key: sourceKey("email.change_requested", data.event_id),
      })
    case CustomerAccountEvents.EMAIL_CHANGED:
      return onCustomer({
        type: "email.changed",
        actor_type: "customer",
        actor_id: customerId,
        data: { from: data.from, to: data.to },
        customer_visible: true,
        source_key: sourceKey("email.changed", data.event_id),
      })
    case CustomerAccountEvents.EXPORTED:
      return onCustomer({
        type: "account.exported",
        ...(data.requested_by === "admin"
          ? { actor_type: "user" as const, actor_id: text(data.actor_id) }
          : { actor_type: "customer" as const, actor_id: customerId }),
        data: { requested_by: data.requested_by === "admin" ? "admin" : "customer" },
        customer_visible: true,
        source_key: sourceKey("account.exported", data.event_id),
      })
    case CustomerAccountEvents.ANONYMIZATION_REQUESTED:
      return onCustomer({
        type: "account.anonymization_requested",
        actor_type: "customer",
        actor_id: customerId,
        customer_visible: true,
        source_key: sourceKey("account.anonymization_requested", data.event_id),
      })
    case CustomerAccountEvents.ANONYMIZED:
      // The record that stays: who and when, nothing about the person.
      return onCustomer({
        type: "account.anonymized",
        ...(text(data.actor_id)
          ? { actor_type: "user" as const, actor_id: text(data.actor_id) }
          : { actor_type: "customer" as const, actor_id: customerId }),
        data: {},
        source_key: sourceKey("account.anonymized", data.event_id),
      })
    case AssistanceEvents.STARTED: {
      const [user] = await container
        .resolve(Modules.USER)
        .listUsers({ id: text(data.user_id) ?? "" }, { select: ["id", "first_name", "last_name", "email"], withDeleted: true })
      const userName = user ? [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email : null
      return onCustomer({
        type: "assistance.started",
        actor_type: "user",
        actor_id: text(data.user_id),
        data: { user_name: userName, reason: text(data.reason), ends_at: text(data.ends_at) },
        customer_visible: true,
        source_key: sourceKey("assistance.started", data.event_id),
      })
    }
    case AssistanceEvents.ENDED: {
      const endedBy = data.ended_by === "admin" || data.ended_by === "customer" ? data.ended_by : "expiry"
      return onCustomer({
        type: "assistance.ended",
        ...(endedBy === "admin"
          ? { actor_type: "user" as const, actor_id: text(data.actor_id) }
          : endedBy === "customer"
            ? { actor_type: "customer" as const, actor_id: customerId }
            : { actor_type: "system" as const }),
        data: { ended_by: endedBy },
        customer_visible: true,
        source_key: sourceKey("assistance.ended", data.event_id),
      })
    }
    case AssistanceEvents.CONSENT_CHANGED:
      return onCustomer({
        type: "assistance.consent_changed",
        actor_type: "customer",
        actor_id: customerId,
        data: { allowed: data.allowed === true, expires_at: text(data.expires_at) },
        customer_visible: true,
        source_key: sourceKey("assistance.consent_changed", data.event_id),
      })
    case "order.placed": {
      // Only orders placed in an assisted session (the cart carried `metadata.assisted_by`).
      const orderId = text(data.id)
      if (!orderId) {
        return []
      }
      const [order] = await container
        .resolve(Modules.ORDER)
        .listOrders({ id: orderId }, { select: ["id", "display_id", "customer_id", "metadata"] })
      const assistedBy = text((order?.metadata as Record<string, unknown> | null)?.assisted_by)
      if (!order?.customer_id || !assistedBy) {
        return []
      }
      return [
        {
          customer_id: order.customer_id,
          type: "assistance.order_placed",
          actor_type: "user",
          actor_id: assistedBy,
          data: { order_id: order.id, display_id: order.display_id ?? null },
          customer_visible: true,
          source_key: `assistance.order_placed:${order.id}`,
        },
      ]
    }
    case CustomerAccountEvents.MFA_RESET:
      return onCustomer({
        type: "mfa.reset",
        actor_type: "user",
        actor_id: text(data.actor_id),
        data: { factors: Array.isArray(data.factors) ? data.factors : [] },
        customer_visible: true,
        source_key: sourceKey("mfa.reset", data.event_id),
      })
    case AccountSessionEvents.STARTED:
    case AccountSessionEvents.REVOKED: {
      // Session events name the identity; only customers' have a timeline.
      const identityId = text(data.auth_identity_id)
      const owner = identityId ? await customerIdOfIdentity(container, identityId) : null
      if (!owner) {
        return []
      }
      if (name === AccountSessionEvents.STARTED) {
        return [
          {
            customer_id: owner,
            type: "session.started",
            actor_type: "customer",
            actor_id: owner,
            data: { actor_type: data.actor_type ?? null, method: data.method ?? null },
            customer_visible: true,
            source_key: sourceKey("session.started", data.event_id),
          },
        ]
      }
      const by = text(data.by) ?? "system"
      const count = Number(data.count ?? 0)
      // A revocation that ended nothing is worth a line only when someone asked for it.
      if (!count && by === "system") {
        return []
      }
      return [
        {
          customer_id: owner,
          type: "session.revoked",
          ...(by.startsWith("user:")
            ? { actor_type: "user" as const, actor_id: by.slice("user:".length) || null }
            : by === "customer"
              ? { actor_type: "customer" as const, actor_id: owner }
              : { actor_type: "system" as const, actor_id: null }),
          data: { reason: data.reason ?? null, count },
          customer_visible: true,
          source_key: sourceKey("session.revoked", data.event_id),
        },
      ]
    }
    case AuthEvents.MFA_ENABLED:
    case AuthEvents.MFA_DISABLED: {
      // MFA events name the identity only.
      const identityId = text(data.auth_identity_id)
      const owner = identityId ? await customerIdOfIdentity(container, identityId) : null
      return owner
        ? [
            {
              customer_id: owner,
              type: name === AuthEvents.MFA_ENABLED ? "mfa.enabled" : "mfa.disabled",
              actor_type: "customer",
              actor_id: owner,
              data: { mfa_id: data.mfa_id ?? null, provider: data.provider ?? null },
              customer_visible: true,
              // Medusa's MFA events carry no id of their own.
              source_key: null,
            },
          ]
        : []
    }
    case CustomerPasswordEvents.PASSWORD_CHANGED:
      return onCustomer({
        type: "password.changed",
        actor_type: "customer",
        actor_id: customerId,
        ip,
        user_agent: userAgent,
        customer_visible: true,
        source_key: sourceKey("password.changed", data.event_id),
      })
    case CustomerPasswordEvents.PASSWORD_SET_BY_ADMIN:
      return onCustomer({
        type: "password.set_by_admin",
        actor_type: "user",
        actor_id: text(data.actor_id),
        customer_visible: true,
        source_key: sourceKey("password.set_by_admin", data.event_id),
      })
    case CustomerPasswordEvents.PASSWORD_RESET_SENT:
      return onCustomer({
        type: "password.reset_requested",
        actor_type: "user",
        actor_id: text(data.actor_id),
        data: { requested_by: "admin" },
        customer_visible: true,
        source_key: sourceKey("password.reset_requested", data.event_id),
      })
    case AuthWorkflowEvents.PASSWORD_RESET: {
      // The admin's links are recorded from `password_reset_sent`, with the
      // admin (only a signed request is one: reset-request.ts).
      if (data.actor_type !== "customer" || isAdminResetRequest(container, data) || !text(data.token)) {
        return []
      }
      const requester = await customerOf(container, data.entity_id)
      if (!requester) {
        return []
      }
      // The token itself is a live credential: only its digest names the event.
      const digest = createHash("sha256").update(String(data.token)).digest("hex")
      return [
        {
          customer_id: requester,
          type: "password.reset_requested",
          actor_type: "customer",
          actor_id: requester,
          data: { requested_by: "customer" },
          customer_visible: true,
          source_key: `password.reset_requested:${digest}`,
        },
      ]
    }
    case CustomerPasswordEvents.PASSWORD_RECORDED: {
      const completed = data.reason === "password_reset"
      return onCustomer({
        type: completed ? "password.reset_completed" : "password.updated",
        ...(completed ? { actor_type: "customer" as const, actor_id: customerId } : { actor_type: "system" as const }),
        customer_visible: true,
        source_key: sourceKey("password.recorded", data.event_id),
      })
    }
    case CustomerPreferenceEvents.UPDATED: {
      const changes = Array.isArray(data.changes) ? data.changes : []
      if (!changes.length) {
        return []
      }
      const actorType = data.actor_type === "customer" || data.actor_type === "user" ? data.actor_type : "system"
      return onCustomer({
        type: "preferences.updated",
        actor_type: actorType,
        actor_id: actorType === "system" ? null : text(data.actor_id),
        data: { changes },
        source_key: sourceKey("preferences.updated", data.event_id),
      })
    }
    case CustomerGroupRuleEvents.MEMBERSHIPS_CHANGED: {
      const changed = data as unknown as MembershipsChangedData
      const names = await groupNames(
        container,
        changed.changes.map((change) => change.customer_group_id)
      )
      return changed.changes.map((change) => ({
        customer_id: change.customer_id,
        type: change.change === "joined" ? "group.joined" : "group.left",
        ...(changed.source === "manual"
          ? { actor_type: "user" as const, actor_id: changed.actor_id }
          : changed.source === "rule"
            ? { actor_type: "rule" as const, actor_id: change.rule_set_id ?? null }
            : { actor_type: "system" as const }),
        data: {
          customer_group_id: change.customer_group_id,
          customer_group_name: names.get(change.customer_group_id) ?? null,
          source: changed.source,
        },
        source_key: `membership:${changed.event_id}:${change.customer_id}:${change.customer_group_id}:${change.change}`,
      }))
    }
    default:
      return []
  }
}
