export * from "./steps/reset-mfa"
export * from "./workflows/reset-customer-mfa"
