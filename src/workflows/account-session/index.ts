export * from "./steps/forget-account-sessions"
export * from "./steps/revoke-account-sessions"
export * from "./workflows/revoke-account-sessions"
