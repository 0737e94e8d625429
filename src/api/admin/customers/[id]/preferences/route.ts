import { customerPreferencesHandlers } from "../../../../utils/customer-preferences"

/** Any customer's preferences: GET and POST (partial update); 404 for unknown customers. */
export const { GET, POST } = customerPreferencesHandlers((req) => req.params.id)
