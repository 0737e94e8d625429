import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  refuseDeepQueryKeys,
  refuseHostileBodies,
  refuseNulInPathParams,
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
      refuseDeepQueryKeys,
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
      refuseNulInPathParams,
      refuseHostileBodies,
      validateAndTransformBody(AdminCreateCustomerNote),
      refuseDeepQueryKeys,
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
      refuseNulInPathParams,
      refuseDeepQueryKeys,
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
      refuseNulInPathParams,
      refuseHostileBodies,
      validateAndTransformBody(AdminUpdateCustomerNote),
      refuseDeepQueryKeys,
      validateAndTransformQuery(
        AdminGetCustomerNoteParams,
        retrieveCustomerNoteQueryConfig
      ),
    ],
  },
]
