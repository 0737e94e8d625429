export * from "./verification"
export * from "./steps/mark-email-verified"
export * from "./workflows/mark-email-verified"
