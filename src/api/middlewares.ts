import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerGroupRuleMiddlewares } from "./admin/customer-groups/[id]/rules/middlewares"
import { adminCustomerActivityMiddlewares } from "./admin/customers/[id]/activity/middlewares"
import { adminCustomerEmailVerificationMiddlewares } from "./admin/customers/[id]/email-verification/middlewares"
import { adminCustomerMfaMiddlewares } from "./admin/customers/[id]/mfa/middlewares"
import { adminCustomerPrivacyMiddlewares } from "./admin/customers/[id]/privacy/middlewares"
import { adminCustomerGroupMembershipMiddlewares } from "./admin/customers/[id]/group-memberships/middlewares"
import { adminCustomerNoteMiddlewares } from "./admin/customers/[id]/notes/middlewares"
import { adminCustomerPasswordMiddlewares } from "./admin/customers/[id]/password/middlewares"
import { adminNotificationMiddlewares } from "./admin/notifications/middlewares"
import { adminCapabilityMiddlewares } from "./admin/route-capabilities"
import { adminPermissionMiddlewares } from "./admin/customer-accounts/permissions/middlewares"
import { authMiddlewares } from "./auth/middlewares"
import { coreAuthRouteGuards, refuseCrossSiteCookieWrites } from "./auth/core-route-guards"
import { sessionMiddlewares } from "./auth/session-middlewares"
import { adminCustomerPreferenceMiddlewares } from "./admin/customers/[id]/preferences/middlewares"
import { adminCustomerSecurityMiddlewares } from "./admin/customers/[id]/security/middlewares"
import { adminUserSecurityMiddlewares } from "./admin/users/[id]/security/middlewares"
import { storeCustomerActivityMiddlewares } from "./store/customers/me/activity/middlewares"
import { storeCustomerPreferenceMiddlewares } from "./store/customers/me/preferences/middlewares"
import { storeAccountMiddlewares } from "./store/middlewares"
import { storeCustomerMiddlewares } from "./store/customers/middlewares"
import { adminCustomerSessionMiddlewares } from "./admin/customers/[id]/sessions/middlewares"
import { adminUserSessionMiddlewares } from "./admin/users/[id]/sessions/middlewares"
import { storeCustomerSessionMiddlewares } from "./store/customers/me/sessions/middlewares"
import { adminAssistanceMiddlewares } from "./admin/customers/[id]/assistance/middlewares"
import { authAssistanceMiddlewares } from "./auth/customer/assistance/middlewares"
import { storeAssistanceMiddlewares } from "./store/customers/me/assistance/middlewares"

export default defineMiddlewares({
  routes: [
    // First: the session gate decides whether a request's token still counts.
    ...sessionMiddlewares,
    // A cookie session's writes come from an allowed origin only (CSRF).
    { matcher: "/", middlewares: [refuseCrossSiteCookieWrites] },
    // An assisted session (staff signed in as the customer) may not touch the account's credentials.
    ...storeAssistanceMiddlewares,
    // Staff permissions: a privileged admin action needs its capability, before any validator.
    ...adminCapabilityMiddlewares,
    ...adminPermissionMiddlewares,
    // No admin answer ever shows a reset or verification link still being delivered.
    ...adminNotificationMiddlewares,
    ...adminCustomerNoteMiddlewares,
    ...adminCustomerGroupRuleMiddlewares,
    ...adminCustomerPasswordMiddlewares,
    ...adminCustomerSecurityMiddlewares,
    ...adminUserSecurityMiddlewares,
    ...adminCustomerGroupMembershipMiddlewares,
    ...authMiddlewares,
    ...coreAuthRouteGuards,
    ...storeAccountMiddlewares,
    ...storeCustomerMiddlewares,
    ...adminCustomerPreferenceMiddlewares,
    ...storeCustomerPreferenceMiddlewares,
    ...adminCustomerActivityMiddlewares,
    ...adminCustomerEmailVerificationMiddlewares,
    ...adminCustomerMfaMiddlewares,
    ...adminCustomerPrivacyMiddlewares,
    ...storeCustomerActivityMiddlewares,
    ...storeCustomerSessionMiddlewares,
    ...adminCustomerSessionMiddlewares,
    ...adminUserSessionMiddlewares,
    ...adminAssistanceMiddlewares,
    ...authAssistanceMiddlewares,
  ],
})
