import type {
  AssistanceConsent,
  AssistancePerson,
} from "../hooks/assistance"
import { customerDisplayName } from "./customer-privacy"

/** Bounds of the reason staff give for signing in as a customer (the route trims, then checks). */
export const ASSISTANCE_REASON_MIN_LENGTH = 3
export const ASSISTANCE_REASON_MAX_LENGTH = 500

/** Whether a reason passes the route's bounds, trimmed as the route trims it. */
export const checkAssistanceReason = (reason: string) => {
  const length = reason.trim().length
  return {
    isTooShort: length < ASSISTANCE_REASON_MIN_LENGTH,
    isTooLong: length > ASSISTANCE_REASON_MAX_LENGTH,
    isValid:
      length >= ASSISTANCE_REASON_MIN_LENGTH &&
      length <= ASSISTANCE_REASON_MAX_LENGTH,
  }
}

/**
 * How the card reads the customer's consent: not asked for (the shop runs
 * with `assistance.consent: "not_required"`), allowed until a date, allowed
 * until withdrawn, or not allowed (never given, withdrawn or expired).
 * `holds` says whether staff may sign in as the customer now.
 */
export type ConsentState =
  | { status: "not_required"; holds: true }
  | { status: "allowed_until"; holds: true; until: string }
  | { status: "allowed"; holds: true }
  | { status: "not_allowed"; holds: false }

export const consentState = (
  consent: AssistanceConsent,
  now: Date = new Date()
): ConsentState => {
  if (!consent.required) {
    return { status: "not_required", holds: true }
  }
  if (!consent.allowed) {
    return { status: "not_allowed", holds: false }
  }
  if (!consent.expires_at) {
    return { status: "allowed", holds: true }
  }
  // The server says `allowed` as of its answer; a page left open may outlive it.
  const until = new Date(consent.expires_at)
  if (!Number.isNaN(until.getTime()) && until.getTime() <= now.getTime()) {
    return { status: "not_allowed", holds: false }
  }
  return { status: "allowed_until", holds: true, until: consent.expires_at }
}

/** A staff member or customer by name, else e-mail, else id (a deleted record: `fallback`). */
export const personName = (
  person: AssistancePerson | null,
  fallback: string
): string => (person && customerDisplayName(person)) || fallback

/**
 * Whole minutes from `now` until `iso`, at least 1 (the sign-in code's
 * lifetime: "valid for 2 minutes").
 */
export const minutesUntil = (iso: string, now: Date = new Date()): number => {
  const ms = new Date(iso).getTime() - now.getTime()
  return Number.isFinite(ms) ? Math.max(1, Math.round(ms / 60_000)) : 1
}
