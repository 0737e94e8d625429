import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import CustomerNoteModule from "../modules/customer-note"

/**
 * Read-only link from a note's `author_id` to the admin user who wrote it,
 * so list queries can return `author { id, email, first_name, last_name }`.
 */
export default defineLink(
  {
    linkable: CustomerNoteModule.linkable.customerNote,
    field: "author_id",
  },
  {
    ...UserModule.linkable.user.id,
    alias: "author",
  },
  {
    readOnly: true,
  }
)
