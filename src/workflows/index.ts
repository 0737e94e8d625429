export * from "./customer-note"
export * from "./customer-password"
export * from "./customer-preference"
export * from "./customer-group-rule"
