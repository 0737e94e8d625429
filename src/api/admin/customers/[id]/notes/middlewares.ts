import type { MiddlewareRoute } from "@medusajs/framework/http"
import {
  refuseNulInPathParams,
  validateBody,
  validateQuery,
} from "../../../../utils/request-guards"
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
      refuseNulInPathParams,
      ...validateQuery(AdminGetCustomerNotesParams, listCustomerNoteQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/notes",
    middlewares: [
      refuseNulInPathParams,
      ...validateBody(AdminCreateCustomerNote),
      ...validateQuery(AdminGetCustomerNoteParams, retrieveCustomerNoteQueryConfig),
    ],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/customers/:id/notes/:note_id",
    middlewares: [
      refuseNulInPathParams,
      ...validateQuery(AdminGetCustomerNoteParams, retrieveCustomerNoteQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/notes/:note_id",
    middlewares: [
      refuseNulInPathParams,
      ...validateBody(AdminUpdateCustomerNote),
      ...validateQuery(AdminGetCustomerNoteParams, retrieveCustomerNoteQueryConfig),
    ],
  },
]
