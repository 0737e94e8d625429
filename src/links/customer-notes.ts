import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerNoteModule from "../modules/customer-note"

/**
 * Read-only link on the note's own `customer_id` column: no pivot table, and
 * `query.graph({ entity: "customer", fields: ["notes.*"] })` works.
 * The store API never lists `notes` among its allowed fields.
 */
export default defineLink(
  {
    linkable: CustomerModule.linkable.customer,
    field: "id",
    isList: true,
  },
  {
    ...CustomerNoteModule.linkable.customerNote.id,
    primaryKey: "customer_id",
    alias: "note",
  },
  {
    readOnly: true,
  }
)
