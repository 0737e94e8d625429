/** Events of the preferences workflows; payload `{ customer_id }`. */
export const CustomerPreferenceEvents = {
  UPDATED: "customer_preference.updated",
} as const
