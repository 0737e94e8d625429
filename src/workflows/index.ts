export * from "./customer-note"
export * from "./customer-password"
export * from "./customer-preference"
export * from "./customer-group-rule"
export * from "./account-security"
export * from "./customer-email"
export * from "./customer-mfa"
export * from "./customer-privacy"
export * from "./account-session"
export * from "./staff-permissions"
// The events catalog is part of the package's public API (subscribers of a
// shop import the names from here), though it lives in lib/.
export * from "../lib/events"
export * from "./assistance"
