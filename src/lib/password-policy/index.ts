export * from "./options"
export * from "./validator"
export * from "./history"
export { getCommonPasswords, isCommonPassword } from "./common-passwords"
