import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "zod"
import { CreateCustomerNoteSchema, CustomerNoteChangesSchema } from "../../../../../lib/notes"
import { wholeNumber } from "../../../../utils/request-guards"
import { allowedAdminCustomerNoteFields } from "./query-config"

export const AdminCreateCustomerNote = CreateCustomerNoteSchema
export type AdminCreateCustomerNoteType = z.infer<typeof AdminCreateCustomerNote>

export const AdminUpdateCustomerNote = CustomerNoteChangesSchema.refine(
  (value) => value.body !== undefined || value.pinned !== undefined,
  { message: "Provide body or pinned" }
)
export type AdminUpdateCustomerNoteType = z.infer<typeof AdminUpdateCustomerNote>

/**
 * `fields` naming only what the query config allows. Medusa's own filter
 * would drop other names silently; before it did, unknown names reached the
 * ORM, which answered some with a 500 (`toString`, `valueOf`:
 * Object.prototype members) or an SQL message (`constructor`). A 400 tells
 * the caller what went wrong.
 */
const knownFields = z
  .string()
  .refine(
    (value) =>
      value
        .split(",")
        .map((token) => token.trim().replace(/^[+\-*]/, ""))
        .every((name) => name === "" || allowedAdminCustomerNoteFields.includes(name)),
    `fields may only name ${allowedAdminCustomerNoteFields.join(", ")}`
  )
  .optional()

/** Fields the list may be ordered by after `pinned` (pinned notes always come first). */
export const NOTE_ORDER_FIELDS = ["created_at", "updated_at"] as const

export const AdminGetCustomerNotesParams = createFindParams({ limit: 20, offset: 0 })
  .omit({ with_deleted: true })
  .extend({
    fields: knownFields,
    limit: wholeNumber("limit", 1, 100).default(20),
    offset: wholeNumber("offset", 0, Number.MAX_SAFE_INTEGER).default(0),
    order: z.enum(NOTE_ORDER_FIELDS.flatMap((field) => [field, `-${field}`])).default("-created_at"),
  })
  .strict()
export type AdminGetCustomerNotesParamsType = z.infer<typeof AdminGetCustomerNotesParams>

export const AdminGetCustomerNoteParams = createSelectParams().extend({ fields: knownFields }).strict()
