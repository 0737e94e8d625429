/**
 * Where the plugin reads the time: lock windows and durations, consent
 * timestamps, a backfill's last run. Production uses the system clock;
 * tests swap in one they can move (through the account-security module's
 * `setClock`), so windows and lock durations are tested without sleeping.
 */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = {
  now: () => new Date(),
}

let current: Clock = systemClock

/** The project's clock: every "now" of the plugin's server code comes from here. */
export const projectClock: Clock = {
  now: () => current.now(),
}

/** Replaces the project's clock (null: the system clock again). */
export function setProjectClock(clock: Clock | null): void {
  current = clock ?? systemClock
}
