import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  listCustomerNoteQueryConfig,
  retrieveCustomerNoteQueryConfig,
} from "./query-config"
import {
  AdminCreateCustomerNote,
  AdminGetCustomerNoteParams,
  AdminGetCustomerNotesParams,
  AdminUpdateCustomerNote,
} from "./validators"

/** Admin authentication is applied by Medusa to every /admin route. */
export const adminCustomerNoteMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/notes",
    middlewares: [
      validateAndTransformQuery(
        AdminGetCustomerNotesParams,
        listCustomerNoteQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/notes",
    middlewares: [
      validateAndTransformBody(AdminCreateCustomerNote),
      validateAndTransformQuery(
        AdminGetCustomerNoteParams,
        retrieveCustomerNoteQueryConfig
      ),
    ],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/customers/:id/notes/:note_id",
    middlewares: [
      validateAndTransformQuery(
        AdminGetCustomerNoteParams,
        retrieveCustomerNoteQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/notes/:note_id",
    middlewares: [
      validateAndTransformBody(AdminUpdateCustomerNote),
      validateAndTransformQuery(
        AdminGetCustomerNoteParams,
        retrieveCustomerNoteQueryConfig
      ),
    ],
  },
]
