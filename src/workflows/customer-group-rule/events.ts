/** Events of the customer group rules and the plugin's settings. */
export const CustomerGroupRuleEvents = {
  /** `{ customer_group_id, automatic }` after a group's rules were set (an empty list: manual again). */
  RULES_UPDATED: "customer_group_rule.updated",
  /** `{ customer_group_ids }` after deleted groups were dropped from the rules and the default groups. */
  GROUPS_FORGOTTEN: "customer_group_rule.groups_forgotten",
  /** `{ customer_group_id?, evaluated, added, removed }` after a backfill (re-evaluation) ran. */
  EVALUATED: "customer_group_rule.evaluated",
  /** `{ default_group_ids }` after a Back Office user changed the plugin's settings. */
  SETTINGS_UPDATED: "customer_accounts.settings_updated",
  /**
   * `{ event_id, source, actor_id, changes: { customer_id, customer_group_id, change, rule_set_id? }[] }`
   * after memberships were made or taken back: by a rule, by the default
   * groups, or by a Back Office user through Medusa's group routes (`manual`).
   */
  MEMBERSHIPS_CHANGED: "customer_group_membership.changed",
} as const
