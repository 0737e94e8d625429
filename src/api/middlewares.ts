import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerGroupRuleMiddlewares } from "./admin/customer-groups/[id]/rules/middlewares"
import { adminCustomerActivityMiddlewares } from "./admin/customers/[id]/activity/middlewares"
import { adminCustomerEmailVerificationMiddlewares } from "./admin/customers/[id]/email-verification/middlewares"
import { adminCustomerMfaMiddlewares } from "./admin/customers/[id]/mfa/middlewares"
import { adminCustomerPrivacyMiddlewares } from "./admin/customers/[id]/privacy/middlewares"
import { adminCustomerGroupMembershipMiddlewares } from "./admin/customers/[id]/group-memberships/middlewares"
import { adminCustomerNoteMiddlewares } from "./admin/customers/[id]/notes/middlewares"
import { adminCustomerPasswordMiddlewares } from "./admin/customers/[id]/password/middlewares"
import { authMiddlewares } from "./auth/middlewares"
import { adminCustomerPreferenceMiddlewares } from "./admin/customers/[id]/preferences/middlewares"
import { adminCustomerSecurityMiddlewares } from "./admin/customers/[id]/security/middlewares"
import { adminUserSecurityMiddlewares } from "./admin/users/[id]/security/middlewares"
import { storeCustomerActivityMiddlewares } from "./store/customers/me/activity/middlewares"
import { storeCustomerPreferenceMiddlewares } from "./store/customers/me/preferences/middlewares"
import { storePasswordMiddlewares } from "./store/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminCustomerNoteMiddlewares,
    ...adminCustomerGroupRuleMiddlewares,
    ...adminCustomerPasswordMiddlewares,
    ...adminCustomerSecurityMiddlewares,
    ...adminUserSecurityMiddlewares,
    ...adminCustomerGroupMembershipMiddlewares,
    ...authMiddlewares,
    ...storePasswordMiddlewares,
    ...adminCustomerPreferenceMiddlewares,
    ...storeCustomerPreferenceMiddlewares,
    ...adminCustomerActivityMiddlewares,
    ...adminCustomerEmailVerificationMiddlewares,
    ...adminCustomerMfaMiddlewares,
    ...adminCustomerPrivacyMiddlewares,
    ...storeCustomerActivityMiddlewares,
  ],
})
