export * from "./steps/record-account-activities"
export * from "./workflows/record-account-activities"
