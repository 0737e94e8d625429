export { AdminEmptyBody } from "../password/validators"
