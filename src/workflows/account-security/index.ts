export * from "./steps/clear-login-throttle"
export * from "./workflows/unlock-customer-account"
export * from "./workflows/unblock-customer-ip"
