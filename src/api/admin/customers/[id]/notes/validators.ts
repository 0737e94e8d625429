import { z } from "zod"

import { NOTE_BODY_MAX_LENGTH } from "../../../../../types/customer-note"
import { noNul } from "../../../../utils/request-guards"
import { allowedAdminCustomerNoteFields } from "./query-config"

// Medusa words size and enum errors itself ("Value for field 'body' too
// small, expected at least: '1'"), so no custom messages here.
const noteBody = z.string().trim().min(1).max(NOTE_BODY_MAX_LENGTH).refine(...noNul("body"))

export const AdminCreateCustomerNote = z
  .object({
    body: noteBody,
    pinned: z.boolean().optional(),
  })
  .strict()
export type AdminCreateCustomerNoteType = z.infer<typeof AdminCreateCustomerNote>

export const AdminUpdateCustomerNote = z
  .object({
    body: noteBody.optional(),
    pinned: z.boolean().optional(),
  })
  .strict()
  .refine((value) => value.body !== undefined || value.pinned !== undefined, {
    message: "Provide body or pinned",
  })
export type AdminUpdateCustomerNoteType = z.infer<typeof AdminUpdateCustomerNote>

/**
 * Medusa passes unknown `fields` names to the ORM, which answers some with a
 * 500 (`toString`, `valueOf`: Object.prototype members) or an SQL message
 * (`constructor`), so only the allowed names pass.
 */
const fieldsParam = z
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

const integerParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min).max(max))

export const AdminGetCustomerNotesParams = z
  .object({
    fields: fieldsParam,
    limit: integerParam("limit", 1, 100).default(20),
    offset: integerParam("offset", 0, Number.MAX_SAFE_INTEGER).default(0),
    order: z
      .enum(NOTE_ORDER_FIELDS.flatMap((field) => [field, `-${field}`]))
      .default("-created_at"),
  })
  .strict()
export type AdminGetCustomerNotesParamsType = z.infer<typeof AdminGetCustomerNotesParams>

export const AdminGetCustomerNoteParams = z
  .object({ fields: fieldsParam })
  .strict()
