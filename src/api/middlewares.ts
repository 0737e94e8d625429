import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerNoteMiddlewares } from "./admin/customers/[id]/notes/middlewares"

export default defineMiddlewares({
  routes: [...adminCustomerNoteMiddlewares],
})
