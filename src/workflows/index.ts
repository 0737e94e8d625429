export * from "./customer-note"
export * from "./customer-password"
