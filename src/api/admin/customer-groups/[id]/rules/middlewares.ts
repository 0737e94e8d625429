import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "zod"
import { AdminUpdateCustomerAccountsSettings } from "../../../customer-accounts/settings/validators"
import { refuseNulInPathParams, validateBody, validateQuery } from "../../../../utils/request-guards"
import { AdminSetCustomerGroupRules } from "./validators"

export const adminCustomerGroupRuleMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customer-groups/:id/rules",
    middlewares: [refuseNulInPathParams],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-groups/:id/rules",
    middlewares: [refuseNulInPathParams, ...validateBody(AdminSetCustomerGroupRules)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-groups/:id/rules/evaluate",
    middlewares: [refuseNulInPathParams, ...validateBody(z.object({}).strict())],
  },
  {
    method: ["GET"],
    matcher: "/admin/customer-accounts/group-rules",
    middlewares: [...validateQuery(z.object({}).strict(), { defaults: [], isList: false })],
  },
  {
    method: ["POST"],
    matcher: "/admin/customer-accounts/settings",
    middlewares: [...validateBody(AdminUpdateCustomerAccountsSettings)],
  },
]
