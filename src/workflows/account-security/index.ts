export * from "./steps/clear-login-throttle"
export * from "./workflows/unlock-account"
export * from "./workflows/unblock-login-ip"
