/*
 * The password guard was split into one unit per concern: client-ip.ts,
 * errors.ts, lockout-flow.ts (with login-settlement.ts), verification-gate.ts,
 * mfa-guard.ts, new-password.ts, registration.ts. Import from those; these
 * names stay here for the files that still import them from this path.
 */
export { clientIp } from "./client-ip"
export { EMAIL_NOT_VERIFIED_MESSAGE } from "./errors"
