export * from "./customer-note"
