/** The same bodies as on a customer's security routes. */
export { AdminUnblockIp, type AdminUnblockIpType } from "../../../customers/[id]/security/validators"
export { AdminEmptyBody } from "../../../customers/[id]/password/validators"
