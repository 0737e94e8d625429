export * from "./email"
