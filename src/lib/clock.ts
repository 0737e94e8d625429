/**
 * Where security code reads the time. Production uses the system clock;
 * tests swap in a clock they can move, so that windows and lock durations
 * can be tested without sleeping.
 */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = {
  now: () => new Date(),
}
