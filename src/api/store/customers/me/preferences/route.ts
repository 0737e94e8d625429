import { customerPreferencesHandlers } from "../../../../utils/customer-preferences"

/**
 * The logged-in customer's own preferences: GET (defaults when none are
 * stored) and POST (partial update).
 */
export const { GET, POST } = customerPreferencesHandlers((req) => req.auth_context.actor_id)
